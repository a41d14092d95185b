package dev.arbor.sessionstore.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed configuration of session-store-service (keys under {@code arbor.}). */
@ConfigMapping(prefix = "arbor")
public interface SessionStoreConfig {
    Redis redis();

    Sessionstore sessionstore();

    /** Keys under {@code arbor.session-store.}. */
    SessionStoreKeys sessionStore();

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

    interface SessionStoreKeys {
        /**
         * {@code arbor.session-store.node-result-key} (env {@code ARBOR_SESSION_STORE_NODE_RESULT_KEY}):
         * base64url of 32 random bytes; seals node results (JWE dir/A256GCM). Only session-store holds it.
         */
        String nodeResultKey();

        /** {@code arbor.session-store.node-result-previous-keys}: retired keys that still open values (rotation). */
        Optional<List<String>> nodeResultPreviousKeys();

        /** {@code arbor.session-store.node-result-max-ttl}: cap of a sealed result's life, and of a forget-before marker. */
        @WithDefault("P30D")
        Duration nodeResultMaxTtl();
    }
}
