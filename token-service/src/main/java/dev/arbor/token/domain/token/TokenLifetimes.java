package dev.arbor.token.domain.token;

import java.time.Duration;

/**
 * Configured token lifetimes; a request may ask for a different access-token lifetime, up to
 * {@code longest}. The cap is what key rotation relies on: a retired key leaves the JWKS once the
 * longest lifetime has passed, so no token may live longer than that.
 */
public record TokenLifetimes(Duration accessToken, Duration idToken, Duration longest) {

    public TokenLifetimes {
        requirePositive(accessToken, "access-token lifetime");
        requirePositive(idToken, "ID-token lifetime");
        requirePositive(longest, "longest token lifetime");
    }

    /** Lifetimes whose cap is the longer of the two defaults (tests and single-key setups). */
    public TokenLifetimes(Duration accessToken, Duration idToken) {
        this(accessToken, idToken, accessToken.compareTo(idToken) >= 0 ? accessToken : idToken);
    }

    Duration accessTokenFor(long requestedSeconds) {
        Duration requested = requestedSeconds > 0 ? Duration.ofSeconds(requestedSeconds) : accessToken;
        return requested.compareTo(longest) > 0 ? longest : requested;
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
