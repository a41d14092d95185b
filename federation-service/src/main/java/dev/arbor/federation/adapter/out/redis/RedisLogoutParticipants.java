package dev.arbor.federation.adapter.out.redis;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.port.LogoutParticipants;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@link LogoutParticipants} in Redis: one set of client ids per session under
 * {@code <prefix>logout-participants:<realm>:<sid>}, expiring when the session does (a session
 * without a known end keeps it for {@link #FALLBACK_TTL}).
 */
@ApplicationScoped
public class RedisLogoutParticipants implements LogoutParticipants {
    static final Duration FALLBACK_TTL = Duration.ofDays(1);

    private final ReactiveSetCommands<String, String> sets;
    private final ReactiveKeyCommands<String> keys;
    private final String prefix;
    private final Clock clock;

    public RedisLogoutParticipants(ReactiveRedisDataSource redis, ArborConfig config, Clock clock) {
        this.sets = redis.set(String.class, String.class);
        this.keys = redis.key(String.class);
        this.prefix = config.redis().keyPrefix() + "logout-participants:";
        this.clock = clock;
    }

    @Override
    public Uni<Void> add(String realm, String sessionId, String clientId, Instant sessionExpiresAt) {
        String key = key(realm, sessionId);
        Instant now = clock.instant();
        Instant until = sessionExpiresAt == null || !sessionExpiresAt.isAfter(now) ? now.plus(FALLBACK_TTL)
                : sessionExpiresAt;
        return sets.sadd(key, clientId)
                .chain(added -> keys.expireat(key, until.getEpochSecond()))
                .replaceWithVoid();
    }

    @Override
    public Uni<Set<String>> of(String realm, String sessionId) {
        return sets.smembers(key(realm, sessionId)).map(Set::copyOf);
    }

    @Override
    public Uni<Void> forget(String realm, String sessionId) {
        return keys.del(key(realm, sessionId)).replaceWithVoid();
    }

    private String key(String realm, String sessionId) {
        return prefix + realm + ":" + sessionId;
    }
}
