package dev.arbor.token.domain.key;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The timing of key rotation. Every transition is a timestamp on the key, so replicas agree without
 * talking to each other:
 *
 * <pre>{@code
 * stateDiagram-v2
 *   [*] --> next: rotate (activates_at = now + publishAhead)
 *   [*] --> active: first key of a realm and alg (activates_at = now)
 *   next --> active: activates_at reached
 *   active --> retired: successor activates (retired_at = its activates_at)
 *   retired --> [*]: retired_at + retention passed: leaves the JWKS
 * }</pre>
 *
 * @param publishAhead   how long a rotated-in key is published before it signs: longer than any
 *                       verifier caches the JWKS, so none meets a token whose key it has not seen
 * @param retention      how long a retired key stays published: the longest token lifetime plus
 *                       clock skew, so every token it signed still verifies until it expires
 * @param reloadInterval how often a replica re-reads a realm's keys; at most {@code publishAhead},
 *                       so a rotation made on another replica is known before the new key signs
 */
public record KeyLifecycle(Duration publishAhead, Duration retention, Duration reloadInterval) {

    public KeyLifecycle {
        requirePositive(publishAhead, "publish-ahead");
        requirePositive(retention, "retention");
        requirePositive(reloadInterval, "reload interval");
        if (reloadInterval.compareTo(publishAhead) > 0) {
            throw new IllegalArgumentException("the key reload interval must not exceed the publish-ahead time");
        }
    }

    /** The state of {@code key} at {@code now}; empty once it has left the JWKS. */
    public Optional<KeyState> stateOf(StoredSigningKey key, Instant now) {
        if (now.isBefore(key.activatesAt())) {
            return Optional.of(KeyState.NEXT);
        }
        if (key.signsAt(now)) {
            return Optional.of(KeyState.ACTIVE);
        }
        return isPublished(key, now) ? Optional.of(KeyState.RETIRED) : Optional.empty();
    }

    /** Whether the key belongs in the JWKS at {@code now}: every key not retired longer than the retention. */
    public boolean isPublished(StoredSigningKey key, Instant now) {
        return key.retiredAt() == null || now.isBefore(publishedUntil(key));
    }

    /** When a retired key leaves the JWKS; {@code null} for a key not retired. */
    public Instant publishedUntil(StoredSigningKey key) {
        return key.retiredAt() == null ? null : key.retiredAt().plus(retention);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the key " + name + " must be positive");
        }
    }
}
