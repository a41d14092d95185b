package dev.arbor.token.domain.refresh;

import java.time.Duration;

/**
 * Configured default refresh-token lifetimes (RFC 9700 §4.14.2: "refresh tokens can expire if they
 * are not used for a certain time" and families end after an absolute time); a client's policy may
 * set its own.
 */
public record RefreshTokenLifetimes(Duration idle, Duration absolute) {

    public RefreshTokenLifetimes {
        if (idle == null || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("refresh-token idle lifetime must be positive");
        }
        if (absolute == null || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("refresh-token absolute lifetime must be at least the idle lifetime");
        }
    }

    Duration idleFor(RefreshPolicy policy) {
        return policy.idleLifetimeSeconds() > 0 ? Duration.ofSeconds(policy.idleLifetimeSeconds()) : idle;
    }

    Duration absoluteFor(RefreshPolicy policy) {
        return policy.absoluteLifetimeSeconds() > 0 ? Duration.ofSeconds(policy.absoluteLifetimeSeconds()) : absolute;
    }
}
