package dev.arbor.scriptrunner.adapter.out.worker;

import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.Ready;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.RunReply;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.RunRequest;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.Setup;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.Started;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One worker JVM ({@link SandboxWorkerMain}) seen from the service: its pipes, one run at a time.
 * What it writes to stderr goes to the service log with its pid; a line saying it ran out of
 * memory is remembered, so a worker that died of it is told apart from one that crashed.
 */
final class WorkerProcess {
    private static final Logger LOG = Logger.getLogger(WorkerProcess.class);
    private static final int MAX_LOGGED_LINE = 500;
    /**
     * jboss-logmanager's System.Logger finder (on the service's class path) says this once per JVM
     * when JUL is not its LogManager, as in a worker, which logs through plain JUL to stderr on purpose.
     */
    private static final String LOG_MANAGER_NOTICE = "The LogManager accessed before the \"java.util.logging.manager\"";
    /** Exit status of a JVM ended by {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT = 3;

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream replies;
    private volatile boolean reportedOutOfMemory;

    private WorkerProcess(Process process) {
        this.process = process;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.replies = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        // a platform thread: a virtual one blocked on a pipe read holds its carrier (file I/O pins), and a
        // few of them would starve every other virtual thread of the service
        Thread.ofPlatform().daemon().name("script-worker-stderr-" + process.pid()).start(this::logErrors);
    }

    /** Starts a worker and waits until its engine is warm; kills it when that takes longer than {@code timeout}. */
    static WorkerProcess start(WorkerCommand command, Setup setup, Duration timeout, ScheduledExecutorService timer)
            throws IOException {
        WorkerProcess worker = new WorkerProcess(new ProcessBuilder(command.command()).start());
        ScheduledFuture<?> tooSlow = timer.schedule(worker::kill, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            WorkerFrames.write(worker.requests, setup);
            WorkerFrames.read(worker.replies, Ready.class);
            return worker;
        } catch (IOException | RuntimeException e) {
            worker.kill();
            OptionalInt exit = worker.awaitExit(Duration.ofSeconds(2));
            throw new IOException("the script worker did not start"
                    + (exit.isPresent() ? " (exit code " + exit.getAsInt() + ")" : " within " + timeout.toSeconds() + " s"));
        } finally {
            tooSlow.cancel(false);
        }
    }

    /**
     * @param started called when the worker says the script's deadline has started
     * @throws IOException when the worker died or was killed before it replied
     */
    RunReply run(RunRequest request, Runnable started) throws IOException {
        WorkerFrames.write(requests, request);
        WorkerFrames.read(replies, Started.class);
        started.run();
        return WorkerFrames.read(replies, RunReply.class);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean reportedOutOfMemory() {
        return reportedOutOfMemory;
    }

    /** The exit code once the process has ended, waiting at most {@code wait}. */
    OptionalInt awaitExit(Duration wait) {
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)
                    ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    void kill() {
        process.destroyForcibly();
    }

    /** Closes its stdin (the worker ends after the run in progress); kills it if it is still there after {@code grace}. */
    void stop(Duration grace) {
        try {
            requests.close();
        } catch (IOException ignored) {
            // already gone
        }
        if (awaitExit(grace).isEmpty()) {
            kill();
        }
    }

    private void logErrors() {
        try (BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = errors.readLine()) != null) {
                if (line.contains("java.lang.OutOfMemoryError")) {
                    reportedOutOfMemory = true;
                }
                if (line.contains(LOG_MANAGER_NOTICE)) {
                    continue;
                }
                LOG.warnf("script worker %d: %s", process.pid(),
                        line.length() <= MAX_LOGGED_LINE ? line : line.substring(0, MAX_LOGGED_LINE) + "…");
            }
        } catch (IOException ignored) {
            // the worker is gone
        }
    }
}
