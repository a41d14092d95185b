package dev.arbor.federation.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This replica's view of SSO sessions that ended (fed by {@code session.ended} events). An access
 * token whose {@code sid} is listed here is refused, so a logout takes effect before the token
 * expires. The view is bounded: an entry is forgotten after {@code retention} (by then every token
 * of the session has expired) or, when {@code capacity} is reached, oldest first.
 */
public final class SessionDirectory {
    private final Clock clock;
    private final Duration retention;
    private final int capacity;
    /** session id → when it may be forgotten; insertion order = age order. */
    private final LinkedHashMap<String, Instant> ended = new LinkedHashMap<>();

    public SessionDirectory(Clock clock, Duration retention, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.clock = clock;
        this.retention = retention;
        this.capacity = capacity;
    }

    /** Remembers that a session ended. Idempotent: events are delivered at least once. */
    public synchronized void ended(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        evictExpired(now);
        ended.remove(sessionId);
        ended.put(sessionId, now.plus(retention));
        while (ended.size() > capacity) {
            Iterator<String> oldest = ended.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    public synchronized boolean hasEnded(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            return false;
        }
        Instant forgetAt = ended.get(sessionId);
        return forgetAt != null && clock.instant().isBefore(forgetAt);
    }

    public synchronized int size() {
        evictExpired(clock.instant());
        return ended.size();
    }

    private void evictExpired(Instant now) {
        Iterator<Map.Entry<String, Instant>> it = ended.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().isAfter(now)) {
                return; // the rest are younger
            }
            it.remove();
        }
    }
}
