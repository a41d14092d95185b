package dev.arbor.scriptrunner.adapter.out.worker;

import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.RunReply;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.RunRequest;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.Setup;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.execution.ScriptErrorCode;
import dev.arbor.scriptrunner.domain.execution.ScriptInput;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import dev.arbor.scriptrunner.port.ScriptSandbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * {@link ScriptSandbox} that runs each script in one of a few worker JVMs with a small heap
 * ({@link SandboxWorkerMain}): the community edition of GraalJS has no per-context heap cap, so the
 * heap of a process is the cap. A script that allocates without bound ends its worker
 * ({@code -XX:+ExitOnOutOfMemoryError}) instead of the service, and gets {@code LIMIT}; a worker
 * that does not answer by the deadline plus a grace margin is killed, and the run gets
 * {@code TIMEOUT}. Either way the worker is replaced in the background and
 * {@code arbor_script_worker_restarts_total{reason}} counts it.
 *
 * <p>Idle workers are taken last-in first-out, so under light load one worker stays warm (JIT,
 * realm contexts) and the others wait as spares.
 */
public final class ProcessPoolSandbox implements ScriptSandbox, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ProcessPoolSandbox.class);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(2);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    /** Why a worker was replaced: the {@code reason} tag of the restart counter. */
    public enum RestartReason {
        OUT_OF_MEMORY, CRASH, TIMEOUT, START_FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final WorkerPoolSettings settings;
    private final Setup setup;
    private final Function<String, ScriptRealmSettings> realmSettings;
    private final LinkedBlockingDeque<WorkerProcess> idle = new LinkedBlockingDeque<>();
    private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();
    private final Map<RestartReason, Counter> restarts = new EnumMap<>(RestartReason.class);
    private final AtomicInteger failedStartsInARow = new AtomicInteger();
    private final ExecutorService starter = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("script-worker-start-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "script-worker-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String lastStartFailure;
    private volatile boolean closed;

    /** Starts {@code settings.size()} workers in the background; {@link #awaitFirstWorker} waits for one. */
    public ProcessPoolSandbox(WorkerPoolSettings settings, Function<String, ScriptRealmSettings> realmSettings,
                              MeterRegistry registry) {
        this.settings = settings;
        this.setup = Setup.of(settings.limits(), settings.fetchPolicy());
        this.realmSettings = realmSettings;
        for (RestartReason reason : RestartReason.values()) {
            restarts.put(reason, Counter.builder("arbor_script_worker_restarts")
                    .description("Script worker processes replaced, by reason")
                    .tag("reason", reason.tag())
                    .register(registry));
        }
        for (int i = 0; i < settings.size(); i++) {
            starter.execute(this::startWorker);
        }
    }

    /** @return true when a worker is running; false when none started within {@code wait} or every start failed */
    public boolean awaitFirstWorker(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (live.isEmpty() && System.nanoTime() < until && !closed) {
            if (failedStartsInARow.get() >= settings.size()) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !live.isEmpty();
    }

    /** Worker processes that are running now (busy or idle). */
    public int liveWorkers() {
        return live.size();
    }

    /** Why the last start failed, while no start has succeeded since; empty otherwise. */
    public Optional<String> lastStartFailure() {
        return Optional.ofNullable(lastStartFailure);
    }

    public int size() {
        return settings.size();
    }

    /** The process ids of the running workers (tests check that none is left behind). */
    public Set<Long> workerPids() {
        return live.stream().map(WorkerProcess::pid).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public ScriptRun run(ScriptVersion script, ScriptInput input) {
        ScriptRealmSettings realm = Optional.ofNullable(realmSettings.apply(script.realm()))
                .orElse(ScriptRealmSettings.NONE);
        WorkerProcess worker;
        try {
            worker = acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(script, ScriptErrorCode.RUNTIME, "the script could not be run");
        }
        if (worker == null) {
            return failed(script, ScriptErrorCode.TIMEOUT, "no script worker was free within "
                    + settings.acquireTimeout().toMillis() + " ms" + (live.isEmpty() ? " (none is running)" : ""));
        }
        Overrun overrun = new Overrun(worker, timer, settings.prepareTimeout());
        try {
            RunReply reply = worker.run(new RunRequest(script, input, realm),
                    () -> overrun.restart(settings.limits().deadline().plus(settings.deadlineGrace())));
            if (overrun.finish()) {
                idle.offerFirst(worker);
            } else {
                replace(worker, RestartReason.TIMEOUT);
            }
            return reply.toRun();
        } catch (IOException | RuntimeException e) {
            return lost(script, worker, !overrun.finish(), overrun.started());
        }
    }

    /** A live idle worker, or null after the acquire timeout; one that died while idle is replaced, not used. */
    private WorkerProcess acquire() throws InterruptedException {
        long until = System.nanoTime() + settings.acquireTimeout().toNanos();
        while (true) {
            WorkerProcess worker = idle.pollFirst(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (worker == null || worker.isAlive()) {
                return worker;
            }
            replace(worker, worker.reportedOutOfMemory() ? RestartReason.OUT_OF_MEMORY : RestartReason.CRASH);
        }
    }

    /** The worker died or was killed before it replied: say why in words an admin can act on. */
    private ScriptRun lost(ScriptVersion script, WorkerProcess worker, boolean killedForOverrun, boolean started) {
        if (killedForOverrun && !started) {
            replace(worker, RestartReason.TIMEOUT);
            return failed(script, ScriptErrorCode.TIMEOUT, "the script's worker process did not get ready to run it"
                    + " within " + settings.prepareTimeout().toMillis() + " ms; it was replaced");
        }
        if (killedForOverrun) {
            replace(worker, RestartReason.TIMEOUT);
            return failed(script, ScriptErrorCode.TIMEOUT, "the script ran longer than its deadline of "
                    + settings.limits().deadline().toMillis() + " ms and did not stop; its worker process was replaced");
        }
        OptionalInt exit = worker.awaitExit(EXIT_WAIT);
        if (exit.isEmpty()) {
            worker.kill();
        }
        if (worker.reportedOutOfMemory() || exit.orElse(-1) == WorkerProcess.OUT_OF_MEMORY_EXIT) {
            replace(worker, RestartReason.OUT_OF_MEMORY);
            return failed(script, ScriptErrorCode.LIMIT, "the script used more memory than a script worker's heap ("
                    + settings.maxHeap() + ") holds; its worker process was replaced");
        }
        replace(worker, RestartReason.CRASH);
        return failed(script, ScriptErrorCode.LIMIT, "the script's worker process ended unexpectedly"
                + exit.stream().mapToObj(code -> " (exit code " + code + ")").findFirst().orElse("")
                + "; it was replaced");
    }

    private static ScriptRun failed(ScriptVersion script, ScriptErrorCode code, String message) {
        return ScriptRun.failed(script.version(), code, message, Map.of(), List.of());
    }

    private void replace(WorkerProcess worker, RestartReason reason) {
        worker.kill();
        live.remove(worker);
        idle.remove(worker);
        restarts.get(reason).increment();
        LOG.warnf("script worker %d replaced (%s)", worker.pid(), reason.tag());
        startLater(Duration.ZERO);
    }

    /** Nothing is started once the pool is closed (its executors refuse the task then). */
    private void startLater(Duration delay) {
        try {
            if (closed) {
                return;
            }
            if (delay.isZero()) {
                starter.execute(this::startWorker);
            } else {
                timer.schedule(() -> startLater(Duration.ZERO), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException closing) {
            // closed meanwhile
        }
    }

    private void startWorker() {
        if (closed) {
            return;
        }
        try {
            WorkerProcess worker = WorkerProcess.start(settings.command(), setup, settings.startTimeout(), timer);
            live.add(worker);
            failedStartsInARow.set(0);
            lastStartFailure = null;
            idle.offerLast(worker);
            if (closed) {
                stop(worker);
            }
        } catch (IOException | RuntimeException e) {
            int failures = failedStartsInARow.incrementAndGet();
            lastStartFailure = e.getMessage();
            restarts.get(RestartReason.START_FAILED).increment();
            Duration retry = Duration.ofSeconds(1L << Math.min(failures - 1, 5));
            retry = retry.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : retry;
            LOG.errorf("script worker start failed (%d in a row), retrying in %d s: %s", failures, retry.toSeconds(),
                    e.getMessage());
            startLater(retry);
        }
    }

    private void stop(WorkerProcess worker) {
        live.remove(worker);
        idle.remove(worker);
        worker.stop(EXIT_WAIT);
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        starter.shutdownNow();
        live.forEach(this::stop);
    }

    /**
     * The service's deadline of one run. The worker's own watchdog answers {@code TIMEOUT} at the
     * deadline; this one kills a worker that could not (a long GC near its heap limit, a frozen
     * process). Until the worker says the script started, the bound is the prepare timeout (a first
     * run in a realm builds a context, which is not the script's time, as in process); from then
     * on deadline + grace. {@link #finish} and {@link #fire} race under one lock, as in the
     * in-process sandbox's watch.
     */
    private static final class Overrun {
        private final WorkerProcess worker;
        private final ScheduledExecutorService timer;
        private ScheduledFuture<?> kill;
        private boolean finished;
        private boolean fired;
        private boolean started;

        Overrun(WorkerProcess worker, ScheduledExecutorService timer, Duration first) {
            this.worker = worker;
            this.timer = timer;
            this.kill = timer.schedule(this::fire, first.toNanos(), TimeUnit.NANOSECONDS);
        }

        synchronized boolean started() {
            return started;
        }

        synchronized void restart(Duration bound) {
            started = true;
            if (!finished && !fired) {
                kill.cancel(false);
                kill = timer.schedule(this::fire, bound.toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        /** @return true when the run ended before the overrun fired */
        synchronized boolean finish() {
            finished = true;
            kill.cancel(false);
            return !fired;
        }

        void fire() {
            synchronized (this) {
                if (finished) {
                    return;
                }
                fired = true;
            }
            worker.kill();
        }
    }
}
