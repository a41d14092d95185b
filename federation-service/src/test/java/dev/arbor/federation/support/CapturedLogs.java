package dev.arbor.federation.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record of the running service (the root logger, all levels it lets through) from
 * {@link #start()} to {@link #close()}, formatted with its parameters and thrown exception, so a test
 * can prove that a secret never reached a log.
 */
public final class CapturedLogs extends Handler implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private CapturedLogs() {
        setLevel(Level.ALL);
    }

    public static CapturedLogs start() {
        CapturedLogs logs = new CapturedLogs();
        Logger.getLogger("").addHandler(logs);
        return logs;
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getMessage());
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(' ').append(parameter);
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            line.append(' ').append(t);
        }
        lines.add(line.toString());
    }

    /** The lines captured so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
