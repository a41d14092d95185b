package dev.arbor.federation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of federation-service (keys under {@code arbor.}). */
@ConfigMapping(prefix = "arbor")
public interface ArborConfig {

    /** The public origin of the suite; the issuer of a realm is {@code publicUrl + "/realms/" + realm}. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Realms realms();

    Redis redis();

    Federation federation();

    interface Realms {
        /** Folder of realm YAML documents imported at start-up (relative to the working directory). */
        @WithDefault("deploy/local/realms")
        String dir();
    }

    interface Redis {
        /** Every Redis key of this service starts with it. */
        @WithDefault("arbor:federation:")
        String keyPrefix();
    }

    interface Federation {
        /** HMAC key under which client secrets are stored (env ARBOR_FEDERATION_CLIENT_SECRET_PEPPER). */
        String clientSecretPepper();

        /**
         * AES-256 key (base64 or base64url of 32 bytes) that seals the realms' SAML private keys in
         * PostgreSQL (env ARBOR_FEDERATION_SAML_KEY_ENCRYPTION_KEY; no default outside tests). Losing it
         * loses the SAML keys: service providers must then import the new IdP metadata.
         */
        String samlKeyEncryptionKey();

        /** How long a login flow waits for the user to authenticate. */
        @WithDefault("PT10M")
        Duration loginFlowTtl();

        /** How long a realm's JWK Set is served from memory before it is fetched again. */
        @WithDefault("PT1M")
        Duration jwksCacheTtl();

        /** The least time between two fetches of a realm's JWK Set caused by an unknown {@code kid}. */
        @WithDefault("PT10S")
        Duration jwksRefetchInterval();

        /**
         * {@code Cache-Control: max-age} of the jwks_uri response: how long relying parties may cache the
         * JWK Set. token-service publishes a rotated-in key {@code arbor.keys.publish-ahead} (7 min) before
         * it signs; this plus {@link #jwksCacheTtl()} must stay below that.
         */
        @WithDefault("PT5M")
        Duration jwksMaxAge();

        /** How long an ended session is remembered (longer than any access token lives). */
        @WithDefault("PT1H")
        Duration endedSessionRetention();

        /** At most this many ended sessions are remembered; the oldest go first. */
        @WithDefault("100000")
        int endedSessionCapacity();

        /** At most this many revoked tokens are remembered; the one that expires first goes first. */
        @WithDefault("1000000")
        int revokedTokenCapacity();

        /** RFC 7523 §3 — the furthest ahead a client assertion's {@code exp} may lie; longer-lived ones are refused. */
        @WithDefault("PT5M")
        Duration clientAssertionMaxLifetime();

        /** Clock skew allowed on a client assertion's {@code exp}, {@code nbf} and {@code iat}. */
        @WithDefault("PT30S")
        Duration clientAssertionClockSkew();

        /**
         * Safety net of the in-memory client cache (clients and SAML SPs): an entry is read from PostgreSQL
         * again after this long even if its {@code client.changed} or {@code saml_sp.changed} event was lost.
         * Changes normally arrive on {@code arbor.config.v1} within a second.
         */
        @WithDefault("PT5M")
        Duration clientCacheTtl();

        /** How long "no such client" (or realm) is remembered; short, so random ids cannot crowd the cache. */
        @WithDefault("PT30S")
        Duration clientCacheNegativeTtl();

        /** At most this many clients (known or unknown) are held in memory per replica; then the least used go. */
        @WithDefault("10000")
        long clientCacheMaxSize();

        /**
         * How long a remembered consent (the user ticked "remember") answers later requests of the same
         * client for the same or fewer scopes without asking (docs/guides/consent.md).
         */
        @WithDefault("P365D")
        Duration consentLifetime();

        /** Deadline of a readiness probe of a gRPC peer. */
        @WithDefault("PT2S")
        Duration peerHealthTimeout();
    }
}
