package dev.arbor.federation.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This replica's deny-set: the {@code jti}s of access tokens revoked before they expired (RFC 7009),
 * fed by {@code token.revoked} events and bootstrapped from token-service at start-up. Lookups are
 * lock-free, so introspection and userinfo answer from memory. An entry is useless once its token has
 * expired (the expiry check refuses the token anyway): it stops counting at once and is dropped by the
 * next sweep. The set is bounded: at {@code capacity} the entry that expires first is dropped.
 */
public final class RevokedTokens {
    /** A full sweep of expired entries at most once per this many additions. */
    private static final int SWEEP_EVERY = 1024;

    private final Clock clock;
    private final int capacity;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private int additions;

    public RevokedTokens(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    /** Adds a revocation; idempotent (events are delivered at least once). An expired one is ignored. */
    public void revoke(String jti, Instant expiresAt) {
        if (jti == null || jti.isEmpty() || expiresAt == null) {
            return;
        }
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            return;
        }
        revoked.merge(jti, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
        synchronized (this) {
            if (++additions % SWEEP_EVERY == 0 || revoked.size() > capacity) {
                sweep(now);
            }
            while (revoked.size() > capacity) {
                dropSoonestExpiring();
            }
        }
    }

    /** True while the token with this jti is revoked and not yet expired. */
    public boolean isRevoked(String jti) {
        if (jti == null) {
            return false;
        }
        Instant expiresAt = revoked.get(jti);
        if (expiresAt == null) {
            return false;
        }
        if (expiresAt.isAfter(clock.instant())) {
            return true;
        }
        revoked.remove(jti, expiresAt);
        return false;
    }

    public int size() {
        sweep(clock.instant());
        return revoked.size();
    }

    private void sweep(Instant now) {
        revoked.entrySet().removeIf(e -> !e.getValue().isAfter(now));
    }

    private void dropSoonestExpiring() {
        revoked.entrySet().stream().min(Map.Entry.comparingByValue())
                .ifPresent(e -> revoked.remove(e.getKey(), e.getValue()));
    }
}
