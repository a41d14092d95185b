package dev.arbor.authtree.node;

import java.util.List;

/**
 * What a node sees: the realm, the journey state, and the callbacks the client answered for this node
 * (empty when the node is entered, before it asked for anything).
 */
public record NodeContext(String realm, NodeState state, List<Callback> answered) {
    public NodeContext {
        answered = List.copyOf(answered);
    }

    public boolean hasAnswers() {
        return !answered.isEmpty();
    }

    /**
     * The value the client put into the callback of {@code type}.
     *
     * @throws MissingInputException when the client did not answer that callback
     */
    public String requireInput(String type) {
        return answered.stream()
                .filter(c -> type.equals(c.type()) && c.input() != null)
                .map(Callback::input)
                .findFirst()
                .orElseThrow(() -> new MissingInputException("missing input for " + type));
    }
}
