package dev.arbor.token.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of token-service (keys under {@code arbor.}). */
@ConfigMapping(prefix = "arbor")
public interface ArborConfig {

    /**
     * The public origin of the suite; a realm's issuer is {@code publicUrl + "/realms/" + realm}. The
     * admin API accepts access tokens whose {@code iss} is the {@code admin} realm's issuer.
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Redis redis();

    Token token();

    Keys keys();

    interface Redis {
        /** Every Redis key this service writes starts with this prefix. */
        @WithDefault("arbor:token:")
        String keyPrefix();
    }

    interface Token {
        /**
         * Base64url of 32 random bytes: the AES-256 key that encrypts private signing keys at rest
         * (env {@code ARBOR_TOKEN_KEY_ENCRYPTION_KEY}). Required, no default.
         */
        String keyEncryptionKey();

        /** Default lifetime of access tokens (RFC 9068); a request may ask for another. */
        @WithDefault("PT5M")
        Duration accessTokenLifetime();

        @WithDefault("PT5M")
        Duration idTokenLifetime();

        /** RFC 6749 §4.1.2: "a maximum authorization code lifetime of 10 minutes is RECOMMENDED"; we allow 60 s at most. */
        @WithDefault("PT60S")
        Duration authorizationCodeLifetime();

        /** RFC 9700 §4.14.2: a refresh token unused this long expires; a client's policy may set another. */
        @WithDefault("P1D")
        Duration refreshTokenIdleLifetime();

        /** No refresh token of a family outlives this, counted from the code redemption; per client too. */
        @WithDefault("P30D")
        Duration refreshTokenAbsoluteLifetime();

        /**
         * How long an ended refresh-token family (expired, idle past its last token, or revoked) is kept
         * before the purge deletes it: time to look into an incident. The purge runs every
         * {@code arbor.token.refresh-token-purge-interval} (default 1 h) on each replica.
         */
        @WithDefault("P1D")
        Duration refreshTokenRetention();

        /**
         * Back-Channel Logout 1.0 §2.4: how long a logout token is valid; at most two minutes
         * ({@code LogoutTokenIssuer.MAX_LIFETIME}), longer values are capped.
         */
        @WithDefault("PT2M")
        Duration logoutTokenLifetime();
    }

    /** Signing-key rotation (keys under {@code arbor.keys.}); see docs/guides/keys.md. */
    interface Keys {
        /**
         * How long a rotated-in key is in the JWKS before it signs. Longer than any verifier caches the
         * JWKS: federation's JWKS max-age (5 min) plus its in-memory cache (1 min) plus {@link #reloadInterval}.
         */
        @WithDefault("PT7M")
        Duration publishAhead();

        /** How often a replica re-reads a realm's keys; at most {@link #publishAhead}. */
        @WithDefault("PT30S")
        Duration reloadInterval();

        /**
         * The longest lifetime of any token this service signs (access tokens with a requested lifetime
         * included): a retired key stays in the JWKS this long plus {@link #clockSkew}.
         */
        @WithDefault("PT1H")
        Duration longestTokenLifetime();

        /** Allowance for verifiers whose clocks are behind. */
        @WithDefault("PT1M")
        Duration clockSkew();
    }
}
