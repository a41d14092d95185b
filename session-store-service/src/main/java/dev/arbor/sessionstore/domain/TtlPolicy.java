package dev.arbor.sessionstore.domain;

import java.time.Duration;

/**
 * How long a stored item lives: what the caller asked for, never more than the configured maximum;
 * a request of zero (or less) means "the maximum". The cap keeps a buggy or hostile caller from
 * pinning state in Redis forever.
 */
public record TtlPolicy(Duration maximum) {
    public TtlPolicy {
        if (maximum.isNegative() || maximum.isZero()) {
            throw new IllegalArgumentException("maximum TTL must be positive");
        }
    }

    public Duration apply(long requestedSeconds) {
        if (requestedSeconds <= 0) {
            return maximum;
        }
        Duration requested = Duration.ofSeconds(requestedSeconds);
        return requested.compareTo(maximum) > 0 ? maximum : requested;
    }
}
