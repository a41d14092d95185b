package dev.arbor.scriptrunner.adapter.out.graaljs;

import dev.arbor.scriptrunner.domain.execution.LogEntry;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * {@code log.info/warn/error(...parts)}: captured and returned with the result (not written to
 * the service log, where a script could flood it). Capped in count and length per run; what is
 * dropped is counted in a final WARN line.
 */
public final class LogApi {
    private final List<LogEntry> lines = new ArrayList<>();
    private final SandboxLimits limits;
    private final SecretRedactor redactor;
    private int dropped;

    LogApi(SandboxLimits limits) {
        this(limits, SecretRedactor.NONE);
    }

    /** Lines that contain a value of one of the realm's secrets get it replaced (before truncation). */
    LogApi(SandboxLimits limits, SecretRedactor redactor) {
        this.limits = limits;
        this.redactor = redactor;
    }

    @HostAccess.Export
    public void info(Value... parts) {
        add(LogEntry.Level.INFO, parts);
    }

    @HostAccess.Export
    public void warn(Value... parts) {
        add(LogEntry.Level.WARN, parts);
    }

    @HostAccess.Export
    public void error(Value... parts) {
        add(LogEntry.Level.ERROR, parts);
    }

    List<LogEntry> lines() {
        if (dropped == 0) {
            return lines;
        }
        List<LogEntry> all = new ArrayList<>(lines);
        all.add(new LogEntry(LogEntry.Level.WARN, dropped + " more log line(s) dropped (limit "
                + limits.maxLogLines() + " per run)"));
        return all;
    }

    private void add(LogEntry.Level level, Value[] parts) {
        if (lines.size() >= limits.maxLogLines()) {
            dropped++;
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Value part : parts) {
            if (text.length() >= limits.maxLogLineLength()) {
                break;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(part.isString() ? part.asString() : part.toString());
        }
        String redacted = redactor.redact(text.toString());
        String message = redacted.length() <= limits.maxLogLineLength() ? redacted
                : redacted.substring(0, limits.maxLogLineLength()) + "…";
        lines.add(new LogEntry(level, message));
    }
}
