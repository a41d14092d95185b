package dev.arbor.authtree.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed configuration under {@code arbor.*} (names fixed by the project's conventions). */
@ConfigMapping(prefix = "arbor")
public interface ArborConfig {
    /** Public base URL of the suite; a journey without a login flow succeeds to {@code <public-url>/ui/}. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Realms realms();

    Authtree authtree();

    Redis redis();

    interface Redis {
        /** Every Redis key this service writes starts with this. */
        @WithDefault("arbor:authtree:")
        String keyPrefix();
    }

    interface Realms {
        /** Folder whose {@code *.yaml} realm documents are imported at start-up. */
        @WithDefault("deploy/local/realms")
        String dir();
    }

    interface Authtree {
        /** base64url of 32 random bytes: the HS256 key of {@code authId} (env ARBOR_AUTHTREE_AUTH_ID_KEY). Required. */
        String authIdKey();

        /**
         * base64url of 32 random bytes: seals TOTP secrets at rest (env ARBOR_AUTHTREE_SECRET_ENCRYPTION_KEY).
         * Unset: derived from the authId key with HKDF-SHA256 under a label of its own.
         */
        Optional<String> secretEncryptionKey();

        @WithDefault("PT10M")
        Duration journeyTtl();

        @WithDefault("PT8H")
        Duration sessionTtl();

        /** Node visits one journey may make; stops loops and endless retries. */
        @WithDefault("50")
        int maxSteps();

        /** Largest journey API request body, in bytes; larger is a 413. */
        @WithDefault("65536")
        int maxBodySize();

        /** How long a realm's JWK Set from token-service is used before it is fetched again (admin API tokens). */
        @WithDefault("PT5M")
        Duration jwksCacheTtl();

        /** The least time between two fetches of a realm's JWK Set caused by an unknown {@code kid}. */
        @WithDefault("PT10S")
        Duration jwksRefetchInterval();

        /** Deadline of every call to a gRPC peer. */
        @WithDefault("PT2S")
        Duration peerTimeout();

        /**
         * CIDRs of the reverse proxies whose {@code X-Forwarded-For} is believed (IpRangeDecision). Unset: none,
         * the TCP peer is always the client. A bad CIDR stops the service at start-up.
         */
        Optional<List<String>> trustedProxies();

        /**
         * Whether journey events go to Kafka ({@code arbor.journey.v1}); journey metrics are recorded either way.
         * Tests without the in-process broker turn it off.
         */
        @WithDefault("true")
        boolean journeyEventsEnabled();
        /** Deadline of one script-runner {@code Execute} call (ScriptedDecision); past it the journey fails closed. */
        @WithDefault("PT2S")
        Duration scriptTimeout();

        /**
         * base64url of 32 random bytes: the HMAC-SHA256 key recovery codes are stored under (env
         * ARBOR_AUTHTREE_RECOVERY_CODE_PEPPER). Unset: derived from the authId key with HKDF-SHA256 under a label
         * of its own (then rotating the authId key voids every recovery code: set it in production).
         */
        Optional<String> recoveryCodePepper();
    }
}
