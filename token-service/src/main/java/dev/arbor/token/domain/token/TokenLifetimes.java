package dev.arbor.token.domain.token;

import java.time.Duration;

/** Configured token lifetimes; a request may ask for a different access-token lifetime. */
public record TokenLifetimes(Duration accessToken, Duration idToken) {

    public TokenLifetimes {
        requirePositive(accessToken, "access-token lifetime");
        requirePositive(idToken, "ID-token lifetime");
    }

    Duration accessTokenFor(long requestedSeconds) {
        return requestedSeconds > 0 ? Duration.ofSeconds(requestedSeconds) : accessToken;
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
