package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.journey.JourneyState;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** Journey state in flight, with compare-and-set versions (session-store {@code PutJourneyState}). */
public interface JourneyStore {
    Optional<Stored> load(String journeyId);

    /** Saves if the stored version is still {@code expectedVersion} (0: must not exist); the new version, or empty. */
    OptionalLong save(JourneyState state, long expectedVersion, Duration ttl);

    void delete(String journeyId);

    record Stored(JourneyState state, long version) {
    }
}
