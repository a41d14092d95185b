package dev.arbor.authtree.domain.journey;

import dev.arbor.authtree.domain.memory.NodeCookies;
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

    /**
     * The journey reached {@code success}; a session was created. {@code nodeCookies} are the sealed results
     * of nodes remembered with store {@code cookie}, for the response to set.
     */
    record Succeeded(String sessionId, String successUrl, String realm, List<NodeCookies.NodeCookie> nodeCookies)
            implements JourneyOutcome {
        public Succeeded {
            nodeCookies = nodeCookies == null ? List.of() : List.copyOf(nodeCookies);
        }

        public Succeeded(String sessionId, String successUrl, String realm) {
            this(sessionId, successUrl, realm, List.of());
        }
    }

    /** The journey reached {@code failure}. Carries nothing that could tell why. */
    record Failed() implements JourneyOutcome {
    }
}
