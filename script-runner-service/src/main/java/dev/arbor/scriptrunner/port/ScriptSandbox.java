package dev.arbor.scriptrunner.port;

import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.execution.ScriptInput;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import java.util.Map;

/**
 * Runs one script version in isolation from the host and from other realms. Blocking: call it
 * off the event loop. Never throws for anything the script does; that is a {@link ScriptRun} error.
 * The returned outcome is whatever {@code action.goTo} named; the caller checks it is declared.
 */
public interface ScriptSandbox {
    ScriptRun run(ScriptVersion script, ScriptInput input);

    default ScriptRun run(ScriptVersion script, Map<String, String> state) {
        return run(script, ScriptInput.ofState(state));
    }
}
