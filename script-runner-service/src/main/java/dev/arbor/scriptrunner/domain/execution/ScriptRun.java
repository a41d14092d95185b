package dev.arbor.scriptrunner.domain.execution;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run produced. Either {@code outcome} is present and {@code error} empty, or the
 * reverse. The state patch and logs are kept on error too: they help an admin see how far it got.
 */
public record ScriptRun(int version, Optional<String> outcome, Map<String, String> statePatch, List<LogEntry> logs,
                        Optional<Failure> error) {
    public record Failure(ScriptErrorCode code, String message) {
    }

    public ScriptRun {
        statePatch = Map.copyOf(statePatch);
        logs = List.copyOf(logs);
    }

    public static ScriptRun completed(int version, String outcome, Map<String, String> patch, List<LogEntry> logs) {
        return new ScriptRun(version, Optional.of(outcome), patch, logs, Optional.empty());
    }

    public static ScriptRun failed(int version, ScriptErrorCode code, String message, Map<String, String> patch,
                                   List<LogEntry> logs) {
        return new ScriptRun(version, Optional.empty(), patch, logs, Optional.of(new Failure(code, message)));
    }

    public static ScriptRun notFound(String message) {
        return failed(0, ScriptErrorCode.NOT_FOUND, message, Map.of(), List.of());
    }

    public ScriptRun withError(ScriptErrorCode code, String message) {
        return failed(version, code, message, statePatch, logs);
    }
}
