package dev.arbor.authtree.node;

import java.util.List;
import java.util.Map;

/**
 * What a node sees: the realm, its id in the tree and its config, the journey state, the callbacks the
 * client answered for this node (empty when the node is entered, before it asked for anything), where
 * the current request came from ({@link ClientRequest#UNKNOWN} when no HTTP request carries it), and the
 * remembered results of the tree's nodes it may consult ({@link RememberedResults#NONE} outside a journey).
 */
public record NodeContext(String realm, String nodeId, Map<String, Object> config, NodeState state,
        List<Callback> answered, ClientRequest client, RememberedResults remembered) {
    public NodeContext {
        config = config == null ? Map.of() : Map.copyOf(config);
        answered = List.copyOf(answered);
        client = client == null ? ClientRequest.UNKNOWN : client;
        remembered = remembered == null ? RememberedResults.NONE : remembered;
    }

    public NodeContext(String realm, String nodeId, Map<String, Object> config, NodeState state,
            List<Callback> answered, ClientRequest client) {
        this(realm, nodeId, config, state, answered, client, RememberedResults.NONE);
    }

    public NodeContext(String realm, String nodeId, Map<String, Object> config, NodeState state,
            List<Callback> answered) {
        this(realm, nodeId, config, state, answered, ClientRequest.UNKNOWN);
    }

    public NodeContext(String realm, NodeState state, List<Callback> answered) {
        this(realm, "node", Map.of(), state, answered);
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

    /** The language of the journey's prompts: from the request's {@code Accept-Language} (en, nl or de). */
    public java.util.Locale locale() {
        return NodeMessages.preferred(client.headers().get("accept-language"));
    }
}
