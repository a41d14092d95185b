package dev.arbor.scriptrunner.domain.execution;

import java.util.List;
import java.util.Map;

/**
 * A tree node asks to run a script: {@code version} 0 is the latest published one;
 * {@code outcomes} are the node's declared outcomes (empty: those stored with the script).
 */
public record ScriptRequest(String realm, String name, int version, List<String> outcomes,
                            Map<String, String> state) {
    public ScriptRequest {
        outcomes = List.copyOf(outcomes);
        state = Map.copyOf(state);
    }
}
