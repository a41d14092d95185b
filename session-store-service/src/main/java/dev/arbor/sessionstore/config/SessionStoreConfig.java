package dev.arbor.sessionstore.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of session-store-service (keys under {@code arbor.}). */
@ConfigMapping(prefix = "arbor")
public interface SessionStoreConfig {
    Redis redis();

    Sessionstore sessionstore();

    interface Redis {
        /** {@code arbor.redis.key-prefix}: every key this service writes starts with it. */
        @WithDefault("arbor:session:")
        String keyPrefix();
    }

    interface Sessionstore {
        /** {@code arbor.sessionstore.max-journey-ttl}: upper bound (and default) of a journey state's lifetime. */
        @WithDefault("PT30M")
        Duration maxJourneyTtl();

        /** {@code arbor.sessionstore.max-session-ttl}: upper bound (and default) of an SSO session's lifetime. */
        @WithDefault("PT24H")
        Duration maxSessionTtl();
    }
}
