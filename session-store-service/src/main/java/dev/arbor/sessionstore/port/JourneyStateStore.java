package dev.arbor.sessionstore.port;

import dev.arbor.sessionstore.domain.journey.JourneyState;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/** Where journey state lives between steps. Implementations must make the compare-and-set atomic. */
public interface JourneyStateStore {
    /**
     * Stores {@code state} with version {@code expectedVersion + 1} and the given lifetime, if the
     * stored version equals {@code expectedVersion} ({@code 0}: if nothing is stored).
     *
     * @return the new version, or empty when the condition did not hold
     */
    CompletionStage<OptionalLong> compareAndSet(String journeyId, long expectedVersion, byte[] state, Duration ttl);

    CompletionStage<Optional<JourneyState>> find(String journeyId);

    CompletionStage<Boolean> delete(String journeyId);
}
