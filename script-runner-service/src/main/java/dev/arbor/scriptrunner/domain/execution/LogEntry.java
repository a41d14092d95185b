package dev.arbor.scriptrunner.domain.execution;

/** One captured {@code log.info/warn/error} line. */
public record LogEntry(Level level, String message) {
    public enum Level { INFO, WARN, ERROR }
}
