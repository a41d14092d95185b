package dev.arbor.scriptrunner.adapter.out.worker;

import static dev.arbor.scriptrunner.adapter.out.worker.WorkerPools.DECISION;
import static dev.arbor.scriptrunner.adapter.out.worker.WorkerPools.code;
import static dev.arbor.scriptrunner.adapter.out.worker.WorkerPools.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.scriptrunner.adapter.out.graaljs.SandboxLimits;
import dev.arbor.scriptrunner.domain.ScriptCatalogService;
import dev.arbor.scriptrunner.domain.execution.ScriptErrorCode;
import dev.arbor.scriptrunner.domain.execution.ScriptExecutionService;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import dev.arbor.scriptrunner.domain.execution.ScriptRequest;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile scripts against real worker processes (process isolation). The deadline is long (20 s)
 * so that what stops each script is the limit under test (heap, statements, engine limits), not
 * the clock on a loaded machine; the deadline itself has its own test below.
 */
class ProcessPoolSandboxTest {
    static final SandboxLimits LIMITS = new SandboxLimits(1_000_000, Duration.ofSeconds(20), 65_536,
            5, 40, 4, 100, 2);
    static final String UNBOUNDED_ARRAYS = "let a = []; while (true) a.push(new Array(1e5).fill(1));";
    static final String STRING_DOUBLING = "let s = 'x'; while (true) { s = s + s; }";
    static final SimpleMeterRegistry METRICS = new SimpleMeterRegistry();
    static Set<Long> workersBefore;
    static ProcessPoolSandbox pool;

    @BeforeAll
    static void start() {
        workersBefore = WorkerPools.workerProcesses();
        pool = WorkerPools.start(2, LIMITS, Duration.ofSeconds(5), List.of(), realm -> ScriptRealmSettings.NONE,
                METRICS);
        assertTrue(pool.awaitFirstWorker(WorkerPools.START_TIMEOUT), pool.lastStartFailure().orElse("timed out"));
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    static double restarts(String reason) {
        return METRICS.counter("arbor_script_worker_restarts", "reason", reason).count();
    }

    static ScriptRun decide(String realm) {
        return pool.run(script(realm, "decide", DECISION), Map.of("clientIp", "10.1.2.3"));
    }

    @Test
    void unboundedAllocationIsStoppedWithLimitAndTheNextScriptInTheRealmRuns() {
        double before = restarts("out-of-memory");

        ScriptRun run = pool.run(script("acme", "hog", UNBOUNDED_ARRAYS), Map.of());

        assertEquals(ScriptErrorCode.LIMIT, code(run), run.toString());
        assertEquals("the script used more memory than a script worker's heap (64m) holds; its worker process was"
                + " replaced", run.error().orElseThrow().message());
        assertEquals(before + 1, restarts("out-of-memory"));
        ScriptRun next = decide("acme");
        assertEquals("internal", next.outcome().orElseThrow(), next.toString());
        assertEquals(Map.of("network", "internal"), next.statePatch());
    }

    @Test
    void stringDoublingIsStoppedWithLimitAndTheNextScriptInTheRealmRuns() {
        ScriptRun run = pool.run(script("acme", "doubling", STRING_DOUBLING), Map.of());

        assertEquals(ScriptErrorCode.LIMIT, code(run), run.toString());
        assertEquals("internal", decide("acme").outcome().orElseThrow());
    }

    @Test
    void oneHugeAllocationEndsTheWorkerWithLimitNotTheService() {
        ScriptRun run = pool.run(script("acme", "huge", "const s = 'x'.repeat(2 ** 29); action.goTo('internal');"),
                Map.of());

        assertEquals(ScriptErrorCode.LIMIT, code(run), run.toString());
        assertTrue(run.error().orElseThrow().message().contains("memory"), run.toString());
        assertEquals("internal", decide("acme").outcome().orElseThrow());
    }

    @Test
    void workerKilledWhileIdleIsReplacedAndTheNextRunDoesNotNoticeIt() throws Exception {
        WorkerPools.awaitFull(pool);
        double before = restarts("crash");
        for (long pid : pool.workerPids()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (long pid : Set.copyOf(pool.workerPids())) {
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        }

        ScriptRun run = decide("acme");

        assertEquals("internal", run.outcome().orElseThrow(), run.toString());
        assertEquals(before + 2, restarts("crash"));
    }

    /**
     * The brief's "100 hostile scripts in a row": each stopped with its own error code; then a
     * normal script still decides, the test JVM's heap after GC is back near where it was (the
     * scripts' memory was the workers'), and exactly the pool's workers are alive.
     */
    @Test
    void aHundredHostileScriptsInARowLeaveTheServiceHealthyAndNoWorkerBehind() throws Exception {
        ScriptExecutionService executions = new ScriptExecutionService(new ScriptCatalogService(null), pool,
                Runnable::run);
        List<Hostile> hostile = List.of(
                new Hostile("while (true) {}", ScriptErrorCode.LIMIT),
                new Hostile("function down(n) { return down(n + 1) + 1; } down(0);", ScriptErrorCode.LIMIT),
                new Hostile("const a = new Array(2 ** 32); action.goTo('internal');", ScriptErrorCode.LIMIT),
                new Hostile("const s = 'x'.repeat(2 ** 31); action.goTo('internal');", ScriptErrorCode.LIMIT),
                new Hostile("Java.type('java.lang.Runtime').getRuntime().exec('id');", ScriptErrorCode.RUNTIME),
                new Hostile("Polyglot.eval('js', '1');", ScriptErrorCode.RUNTIME),
                new Hostile("load('/etc/passwd');", ScriptErrorCode.RUNTIME),
                new Hostile("require('fs');", ScriptErrorCode.RUNTIME),
                new Hostile("process.exit(1);", ScriptErrorCode.RUNTIME),
                new Hostile(UNBOUNDED_ARRAYS, ScriptErrorCode.LIMIT),
                new Hostile("Object.prototype.isAdmin = true; action.goTo('internal');", ScriptErrorCode.RUNTIME),
                new Hostile("action.goTo('nowhere-declared');", ScriptErrorCode.INVALID_OUTCOME));
        decide("acme");
        long baseline = heapUsedAfterGc();

        for (int i = 0; i < 100; i++) {
            Hostile h = hostile.get(i % hostile.size());
            ScriptRun run = executions.runResolved(script("acme", "hostile-" + (i % hostile.size()), h.source()),
                    new ScriptRequest("acme", "hostile", 1, List.of("internal", "external"), Map.of()));

            assertEquals(h.expected(), code(run), i + ": " + h.source() + " -> " + run);
            String message = run.error().orElseThrow().message();
            assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        }
        ScriptRun normal = decide("acme");
        WorkerPools.awaitFull(pool);

        assertEquals("internal", normal.outcome().orElseThrow(), normal.toString());
        assertEquals(Map.of("network", "internal"), normal.statePatch());
        long after = heapUsedAfterGc();
        assertTrue(after <= baseline + 64L * 1024 * 1024, "heap after GC " + after + " > baseline " + baseline
                + " + 64 MiB");
        assertEquals(pool.size(), pool.liveWorkers());
        Set<Long> started = new HashSet<>(WorkerPools.workerProcesses());
        started.removeAll(workersBefore);
        assertEquals(pool.workerPids(), started, "worker processes alive besides the pool's own");
    }

    record Hostile(String source, ScriptErrorCode expected) {
    }

    private static long heapUsedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
