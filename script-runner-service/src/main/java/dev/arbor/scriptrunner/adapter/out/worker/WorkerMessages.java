package dev.arbor.scriptrunner.adapter.out.worker;

import dev.arbor.scriptrunner.adapter.out.graaljs.FetchPolicy;
import dev.arbor.scriptrunner.adapter.out.graaljs.SandboxLimits;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.execution.LogEntry;
import dev.arbor.scriptrunner.domain.execution.ScriptCallback;
import dev.arbor.scriptrunner.domain.execution.ScriptErrorCode;
import dev.arbor.scriptrunner.domain.execution.ScriptInput;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the service and a worker process say to each other ({@link WorkerFrames}): one
 * {@link Setup} and one {@link Ready} when the worker starts, then per run one {@link RunRequest},
 * answered by one {@link Started} and one {@link RunReply}. A run request carries everything the script may reach (its realm's
 * allow-list and secrets, the request, the state, the callback answers), so the worker never asks
 * the service anything while a script runs.
 */
final class WorkerMessages {
    private WorkerMessages() {
    }

    /** The sandbox's limits, sent once; durations in nanoseconds (plain JSON numbers). */
    record Setup(long statementLimit, long deadlineNanos, int maxSourceChars, int maxLogLines, int maxLogLineLength,
                 int maxStateEntries, int maxStateValueLength, int contextsPerRealm, boolean allowPrivateNetworks,
                 long fetchTimeoutNanos, int maxResponseBytes, int maxFetchesPerRun, int maxRequestBodyChars) {
        static Setup of(SandboxLimits limits, FetchPolicy fetch) {
            return new Setup(limits.statementLimit(), limits.deadline().toNanos(), limits.maxSourceChars(),
                    limits.maxLogLines(), limits.maxLogLineLength(), limits.maxStateEntries(),
                    limits.maxStateValueLength(), limits.contextsPerRealm(), fetch.allowPrivateNetworks(),
                    fetch.defaultTimeout().toNanos(), fetch.maxResponseBytes(), fetch.maxFetchesPerRun(),
                    fetch.maxRequestBodyChars());
        }

        SandboxLimits limits() {
            return new SandboxLimits(statementLimit, Duration.ofNanos(deadlineNanos), maxSourceChars, maxLogLines,
                    maxLogLineLength, maxStateEntries, maxStateValueLength, contextsPerRealm);
        }

        FetchPolicy fetchPolicy() {
            return new FetchPolicy(allowPrivateNetworks, Duration.ofNanos(fetchTimeoutNanos), maxResponseBytes,
                    maxFetchesPerRun, maxRequestBodyChars);
        }
    }

    /** The worker's engine is up and warm. */
    record Ready(long pid) {
    }

    /** The run's deadline starts now: the worker's context for the realm is ready (see {@link ProcessPoolSandbox}). */
    record Started(boolean started) {
    }

    record RunRequest(ScriptVersion script, ScriptInput input, ScriptRealmSettings settings) {
    }

    /** A {@link ScriptRun} without {@code Optional}s; already redacted by the worker's sandbox. */
    record RunReply(int version, String outcome, Map<String, String> statePatch, List<LogEntry> logs,
                    ScriptErrorCode errorCode, String errorMessage, List<ScriptCallback> callbacks) {
        static RunReply of(ScriptRun run) {
            return new RunReply(run.version(), run.outcome().orElse(null), run.statePatch(), run.logs(),
                    run.error().map(ScriptRun.Failure::code).orElse(null),
                    run.error().map(ScriptRun.Failure::message).orElse(null), run.callbacks());
        }

        ScriptRun toRun() {
            return new ScriptRun(version, Optional.ofNullable(outcome), statePatch, logs,
                    Optional.ofNullable(errorCode).map(code -> new ScriptRun.Failure(code, errorMessage)), callbacks);
        }
    }
}
