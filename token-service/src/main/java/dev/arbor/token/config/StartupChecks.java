package dev.arbor.token.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Fails start-up with a clear message when a required setting is missing or out of range. */
@Singleton
public class StartupChecks {

    static final Duration MAX_CODE_LIFETIME = Duration.ofSeconds(60);

    private final ArborConfig config;

    public StartupChecks(ArborConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        ArborConfig.Token token = config.token();
        KeyEncryptionKey.parse(token.keyEncryptionKey());
        requireBetween("arbor.token.authorization-code-lifetime", token.authorizationCodeLifetime(),
                Duration.ofSeconds(1), MAX_CODE_LIFETIME);
        requireBetween("arbor.token.access-token-lifetime", token.accessTokenLifetime(), Duration.ofSeconds(1),
                Duration.ofDays(1));
        requireBetween("arbor.token.id-token-lifetime", token.idTokenLifetime(), Duration.ofSeconds(1),
                Duration.ofDays(1));
        requireBetween("arbor.token.refresh-token-absolute-lifetime", token.refreshTokenAbsoluteLifetime(),
                Duration.ofSeconds(1), Duration.ofDays(366));
        requireBetween("arbor.token.refresh-token-idle-lifetime", token.refreshTokenIdleLifetime(),
                Duration.ofSeconds(1), token.refreshTokenAbsoluteLifetime());
        ArborConfig.Keys keys = config.keys();
        requireBetween("arbor.keys.reload-interval", keys.reloadInterval(), Duration.ofSeconds(1), keys.publishAhead());
        Duration longest = token.accessTokenLifetime().compareTo(token.idTokenLifetime()) > 0
                ? token.accessTokenLifetime() : token.idTokenLifetime();
        requireBetween("arbor.keys.longest-token-lifetime", keys.longestTokenLifetime(), longest, Duration.ofDays(7));
    }

    private static void requireBetween(String property, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalStateException(property + " is " + value + "; it must be between " + min + " and " + max);
        }
    }
}
