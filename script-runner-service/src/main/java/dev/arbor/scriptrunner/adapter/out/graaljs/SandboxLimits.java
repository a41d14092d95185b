package dev.arbor.scriptrunner.adapter.out.graaljs;

import java.time.Duration;

/** The per-run limits of the sandbox; defaults in {@code ScriptRunnerConfig.Sandbox}. */
public record SandboxLimits(long statementLimit, Duration deadline, int maxSourceChars,
                            int maxLogLines, int maxLogLineLength, int maxStateEntries, int maxStateValueLength,
                            int contextsPerRealm) {
}
