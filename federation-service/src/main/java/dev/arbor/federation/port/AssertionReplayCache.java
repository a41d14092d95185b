package dev.arbor.federation.port;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * RFC 7523 §3 item 7 — remembers the {@code jti} of every client assertion until it expires, across
 * replicas, so each assertion is accepted once.
 */
public interface AssertionReplayCache {
    /**
     * True the first time {@code jti} of this client is seen; false when it was already used.
     * {@code rememberUntil}: the last instant the assertion could be accepted (its exp plus the skew).
     */
    Uni<Boolean> firstUse(String realm, String clientId, String jti, Instant rememberUntil);
}
