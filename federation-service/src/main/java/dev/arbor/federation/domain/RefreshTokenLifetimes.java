package dev.arbor.federation.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * A client's refresh-token lifetimes (RFC 9700 §4.14.2: refresh tokens should expire when unused
 * and within an absolute bound). Empty means token-service's configured default.
 *
 * @param idle     a refresh token unused this long expires
 * @param absolute no refresh token of a family outlives this, counted from the family's first token
 */
public record RefreshTokenLifetimes(Optional<Duration> idle, Optional<Duration> absolute) {

    /** Both lifetimes left to token-service's defaults. */
    public static final RefreshTokenLifetimes DEFAULTS = new RefreshTokenLifetimes(Optional.empty(), Optional.empty());

    public RefreshTokenLifetimes {
        idle = requirePositive(idle, "refresh-token idle lifetime");
        absolute = requirePositive(absolute, "refresh-token absolute lifetime");
    }

    private static Optional<Duration> requirePositive(Optional<Duration> value, String name) {
        Optional<Duration> present = value == null ? Optional.empty() : value;
        present.ifPresent(d -> {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        });
        return present;
    }
}
