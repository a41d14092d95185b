package dev.arbor.sessionstore.domain.journey;

import dev.arbor.sessionstore.domain.InvalidRequestException;
import dev.arbor.sessionstore.domain.TtlPolicy;
import dev.arbor.sessionstore.port.JourneyStateStore;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * Journey state between the steps of an authentication journey, with optimistic concurrency:
 * a put succeeds only if the stored version is still the one the caller read (0 = none yet).
 * A stale put is a normal "no" ({@code OptionalLong.empty()}), not an error.
 */
public final class JourneyStateService {
    static final int MAX_JOURNEY_ID_LENGTH = 256;

    private final JourneyStateStore store;
    private final TtlPolicy ttl;

    public JourneyStateService(JourneyStateStore store, TtlPolicy ttl) {
        this.store = store;
        this.ttl = ttl;
    }

    /** @return the new version when stored, empty when the version moved on or the journey expired */
    public CompletionStage<OptionalLong> put(String journeyId, long expectedVersion, byte[] state, long ttlSeconds) {
        requireJourneyId(journeyId);
        if (expectedVersion < 0) {
            throw new InvalidRequestException("expected_version must not be negative");
        }
        return store.compareAndSet(journeyId, expectedVersion, state, ttl.apply(ttlSeconds));
    }

    public CompletionStage<Optional<JourneyState>> get(String journeyId) {
        requireJourneyId(journeyId);
        return store.find(journeyId);
    }

    public CompletionStage<Boolean> delete(String journeyId) {
        requireJourneyId(journeyId);
        return store.delete(journeyId);
    }

    private static void requireJourneyId(String journeyId) {
        if (journeyId == null || journeyId.isBlank()) {
            throw new InvalidRequestException("journey_id is required");
        }
        if (journeyId.length() > MAX_JOURNEY_ID_LENGTH) {
            throw new InvalidRequestException("journey_id is too long");
        }
    }
}
