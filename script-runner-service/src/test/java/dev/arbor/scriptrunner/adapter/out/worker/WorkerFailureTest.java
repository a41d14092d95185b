package dev.arbor.scriptrunner.adapter.out.worker;

import static dev.arbor.scriptrunner.adapter.out.worker.WorkerPools.DECISION;
import static dev.arbor.scriptrunner.adapter.out.worker.WorkerPools.code;
import static dev.arbor.scriptrunner.adapter.out.worker.WorkerPools.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.scriptrunner.adapter.out.graaljs.FetchPolicy;
import dev.arbor.scriptrunner.adapter.out.graaljs.SandboxLimits;
import dev.arbor.scriptrunner.domain.execution.ScriptErrorCode;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Workers that hang or cannot start, with real processes. */
class WorkerFailureTest {
    static final SandboxLimits LIMITS = new SandboxLimits(1_000_000, Duration.ofMillis(300), 65_536, 5, 40, 4, 100, 2);

    /**
     * A worker frozen with SIGSTOP cannot answer, not even through its own watchdog: the service
     * kills it (here before the script could start, so after the prepare timeout) and replaces it.
     */
    @Test
    void workerThatStopsAnsweringIsKilledAndReplacedAndTheRunIsATimeout() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (ProcessPoolSandbox pool = WorkerPools.start(1, LIMITS, FetchPolicy.DEFAULTS, Duration.ofMillis(200),
                Duration.ofSeconds(1), realm -> ScriptRealmSettings.NONE, metrics)) {
            assertTrue(pool.awaitFirstWorker(WorkerPools.START_TIMEOUT), pool.lastStartFailure().orElse("timed out"));
            long frozen = pool.workerPids().iterator().next();
            assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(frozen)).start().waitFor());

            ScriptRun run = pool.run(script("acme", "decide", DECISION), Map.of("clientIp", "10.0.0.1"));

            assertEquals(ScriptErrorCode.TIMEOUT, code(run), run.toString());
            assertEquals("the script's worker process did not get ready to run it within 1000 ms; it was replaced",
                    run.error().orElseThrow().message());
            assertEquals(1.0, metrics.counter("arbor_script_worker_restarts", "reason", "timeout").count());
            ProcessHandle.of(frozen).ifPresent(p -> p.onExit().join());
            ScriptRun next = pool.run(script("acme", "decide", DECISION), Map.of("clientIp", "10.0.0.1"));
            assertEquals("internal", next.outcome().orElseThrow(), next.toString());
            assertFalse(pool.workerPids().contains(frozen));
        }
    }

    @Test
    void readinessIsDownWhenNoWorkerCanStartAndRunsSaySo() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (ProcessPoolSandbox pool = new ProcessPoolSandbox(new WorkerPoolSettings(2,
                WorkerCommand.of("64m", List.of("-XX:+NoSuchOptionInAnyJvm"), java.util.Optional.empty()), "64m",
                LIMITS, FetchPolicy.DEFAULTS, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofMillis(200)), realm -> ScriptRealmSettings.NONE, metrics)) {

            assertFalse(pool.awaitFirstWorker(Duration.ofSeconds(60)));
            HealthCheckResponse health = new ScriptWorkersReadinessCheck(pool).call();

            assertEquals(HealthCheckResponse.Status.DOWN, health.getStatus());
            assertEquals(0L, health.getData().orElseThrow().get("live"));
            assertTrue(String.valueOf(health.getData().orElseThrow().get("lastStartFailure"))
                    .startsWith("the script worker did not start (exit code 1)"), health.getData().toString());
            assertTrue(metrics.counter("arbor_script_worker_restarts", "reason", "start-failed").count() >= 2);
            ScriptRun run = pool.run(script("acme", "decide", DECISION), Map.of());
            assertEquals(ScriptErrorCode.TIMEOUT, code(run));
            assertEquals("no script worker was free within 200 ms (none is running)", run.error().orElseThrow().message());
        }
    }

    @Test
    void readinessIsUpWhileAWorkerRuns() {
        try (ProcessPoolSandbox pool = WorkerPools.start(1, LIMITS, Duration.ofMillis(500), List.of(),
                realm -> ScriptRealmSettings.NONE, new SimpleMeterRegistry())) {
            assertTrue(pool.awaitFirstWorker(WorkerPools.START_TIMEOUT), pool.lastStartFailure().orElse("timed out"));

            HealthCheckResponse health = new ScriptWorkersReadinessCheck(pool).call();

            assertEquals(HealthCheckResponse.Status.UP, health.getStatus());
            assertEquals(1L, health.getData().orElseThrow().get("live"));
        }
    }
}
