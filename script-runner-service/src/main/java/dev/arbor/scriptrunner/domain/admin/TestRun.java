package dev.arbor.scriptrunner.domain.admin;

import dev.arbor.scriptrunner.domain.execution.ScriptRun;

/** A test run started from the admin API: what the run produced and how long the sandbox took. */
public record TestRun(ScriptRun run, long durationMicros) {
}
