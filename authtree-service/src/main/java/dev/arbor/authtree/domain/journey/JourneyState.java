package dev.arbor.authtree.domain.journey;

import dev.arbor.authtree.domain.memory.JourneyMemory;
import java.util.Map;

/**
 * What is persisted between two steps of a journey: the tree version it runs, the node waiting for input,
 * the shared state, the login flow it serves, how many node visits it has made and its per-node memory.
 * Never transient state. A state serialized before {@code memory} existed reads back with
 * {@link JourneyMemory#EMPTY}.
 */
public record JourneyState(String journeyId, String realm, String tree, int treeVersion, String currentNode,
        Map<String, String> shared, String flowId, String resumeUrl, int steps, JourneyMemory memory) {

    public JourneyState {
        shared = shared == null ? Map.of() : Map.copyOf(shared);
        memory = memory == null ? JourneyMemory.EMPTY : memory;
    }

    public JourneyState(String journeyId, String realm, String tree, int treeVersion, String currentNode,
            Map<String, String> shared, String flowId, String resumeUrl, int steps) {
        this(journeyId, realm, tree, treeVersion, currentNode, shared, flowId, resumeUrl, steps, JourneyMemory.EMPTY);
    }

    public JourneyState advance(String node, Map<String, String> newShared, int newSteps) {
        return new JourneyState(journeyId, realm, tree, treeVersion, node, newShared, flowId, resumeUrl, newSteps,
                memory);
    }

    public JourneyState withMemory(JourneyMemory newMemory) {
        return new JourneyState(journeyId, realm, tree, treeVersion, currentNode, shared, flowId, resumeUrl, steps,
                newMemory);
    }
}
