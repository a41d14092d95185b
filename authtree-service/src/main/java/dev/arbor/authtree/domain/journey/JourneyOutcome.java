package dev.arbor.authtree.domain.journey;

import dev.arbor.authtree.node.Callback;
import java.util.List;

/** The result of one request to the journey API. */
public sealed interface JourneyOutcome {

    /** The journey waits for the client: one step of callbacks. */
    record Step(String authId, String stage, List<Callback> callbacks) implements JourneyOutcome {
        public Step {
            callbacks = List.copyOf(callbacks);
        }
    }

    /** The journey reached {@code success}; a session was created. */
    record Succeeded(String sessionId, String successUrl, String realm) implements JourneyOutcome {
    }

    /** The journey reached {@code failure}. Carries nothing that could tell why. */
    record Failed() implements JourneyOutcome {
    }
}
