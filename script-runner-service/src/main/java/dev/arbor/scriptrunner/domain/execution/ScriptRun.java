package dev.arbor.scriptrunner.domain.execution;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run produced: exactly one of an {@code outcome} (the script decided), non-empty
 * {@code callbacks} (the script asked the user something and waits for the answers) or an
 * {@code error}. The state patch and logs are kept in every case: on error they help an admin see
 * how far it got.
 */
public record ScriptRun(int version, Optional<String> outcome, Map<String, String> statePatch, List<LogEntry> logs,
                        Optional<Failure> error, List<ScriptCallback> callbacks) {
    public record Failure(ScriptErrorCode code, String message) {
    }

    public ScriptRun {
        statePatch = Map.copyOf(statePatch);
        logs = List.copyOf(logs);
        callbacks = List.copyOf(callbacks);
    }

    public static ScriptRun completed(int version, String outcome, Map<String, String> patch, List<LogEntry> logs) {
        return new ScriptRun(version, Optional.of(outcome), patch, logs, Optional.empty(), List.of());
    }

    /** The script asked the user (callbacks) and ended without deciding: not an error. */
    public static ScriptRun asking(int version, List<ScriptCallback> callbacks, Map<String, String> patch,
                                   List<LogEntry> logs) {
        return new ScriptRun(version, Optional.empty(), patch, logs, Optional.empty(), callbacks);
    }

    public static ScriptRun failed(int version, ScriptErrorCode code, String message, Map<String, String> patch,
                                   List<LogEntry> logs) {
        return new ScriptRun(version, Optional.empty(), patch, logs, Optional.of(new Failure(code, message)), List.of());
    }

    public static ScriptRun notFound(String message) {
        return failed(0, ScriptErrorCode.NOT_FOUND, message, Map.of(), List.of());
    }

    public boolean isAsking() {
        return error.isEmpty() && outcome.isEmpty() && !callbacks.isEmpty();
    }

    public ScriptRun withError(ScriptErrorCode code, String message) {
        return failed(version, code, message, statePatch, logs);
    }
}
