package dev.arbor.authtree.domain.script;

import java.util.List;
import java.util.Map;

/**
 * One run of a script on behalf of a ScriptedDecision node (script-runner {@code Execute}): which script,
 * the outcomes the node declares, the journey's shared state, the read-only {@code request} object
 * (forwardable headers, client IP, locale) and the answers to the questions its previous run asked.
 *
 * @param version 0 = the latest published version
 */
public record ScriptCall(String realm, String script, int version, List<String> outcomes, Map<String, String> state,
        Map<String, String> requestHeaders, String clientIp, String locale, List<ScriptQuestion> answers) {
    public ScriptCall {
        outcomes = List.copyOf(outcomes);
        state = Map.copyOf(state);
        requestHeaders = Map.copyOf(requestHeaders);
        clientIp = clientIp == null ? "" : clientIp;
        locale = locale == null ? "" : locale;
        answers = List.copyOf(answers);
    }
}
