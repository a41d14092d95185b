package dev.arbor.authtree.domain.journey;

import java.util.Map;

/**
 * What is persisted between two steps of a journey: the tree version it runs, the node waiting for input,
 * the shared state, the login flow it serves and how many node visits it has made. Never transient state.
 */
public record JourneyState(String journeyId, String realm, String tree, int treeVersion, String currentNode,
        Map<String, String> shared, String flowId, String resumeUrl, int steps) {

    public JourneyState {
        shared = shared == null ? Map.of() : Map.copyOf(shared);
    }

    public JourneyState advance(String node, Map<String, String> newShared, int newSteps) {
        return new JourneyState(journeyId, realm, tree, treeVersion, node, newShared, flowId, resumeUrl, newSteps);
    }
}
