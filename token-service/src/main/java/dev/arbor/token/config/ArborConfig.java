package dev.arbor.token.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of token-service (keys under {@code arbor.}). */
@ConfigMapping(prefix = "arbor")
public interface ArborConfig {

    Redis redis();

    Token token();

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
    }
}
