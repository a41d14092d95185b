package dev.arbor.scriptrunner.domain.execution;

import java.util.List;
import java.util.Map;

/**
 * A tree node asks to run a script: {@code version} 0 is the latest published one;
 * {@code outcomes} are the node's declared outcomes (empty: those stored with the script).
 */
public record ScriptRequest(String realm, String name, int version, List<String> outcomes, ScriptInput input) {
    public ScriptRequest {
        outcomes = List.copyOf(outcomes);
    }

    public ScriptRequest(String realm, String name, int version, List<String> outcomes, Map<String, String> state) {
        this(realm, name, version, outcomes, ScriptInput.ofState(state));
    }

    public Map<String, String> state() {
        return input.state();
    }
}
