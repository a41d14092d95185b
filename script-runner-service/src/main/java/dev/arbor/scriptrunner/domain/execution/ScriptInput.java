package dev.arbor.scriptrunner.domain.execution;

import java.util.List;
import java.util.Map;

/**
 * What one run may read: the journey's state, the read-only {@code request} (selected headers with
 * lower-case names, the client's address, the preferred locale) and the user's answers to the
 * callbacks the previous run on this node asked.
 */
public record ScriptInput(Map<String, String> state, Map<String, String> headers, String clientIp, String locale,
                          List<ScriptCallback> answers) {
    public ScriptInput {
        state = Map.copyOf(state);
        headers = Map.copyOf(headers);
        clientIp = clientIp == null ? "" : clientIp;
        locale = locale == null ? "" : locale;
        answers = List.copyOf(answers);
    }

    public static ScriptInput ofState(Map<String, String> state) {
        return new ScriptInput(state, Map.of(), "", "", List.of());
    }
}
