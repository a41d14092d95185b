package dev.arbor.scriptrunner.domain;

/** What the import did with one script version. */
public record ImportResult(ScriptVersion script, ImportDecision decision) {
}
