package dev.arbor.scriptrunner.adapter.out.worker;

import dev.arbor.scriptrunner.adapter.out.graaljs.FetchPolicy;
import dev.arbor.scriptrunner.adapter.out.graaljs.SandboxLimits;
import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.execution.ScriptErrorCode;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Fixtures for tests that start real worker processes (the test JVM's java and class path). */
final class WorkerPools {
    /** Starting a JVM with GraalJS takes seconds, many more on a loaded machine. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    static final String DECISION = """
            const ip = state.get("clientIp") || "";
            if (ip.startsWith("10.")) {
              state.put("network", "internal");
              action.goTo("internal");
            } else {
              log.info("external ip", ip);
              action.goTo("external");
            }
            """;

    private WorkerPools() {
    }

    static ProcessPoolSandbox start(int size, SandboxLimits limits, Duration grace, List<String> jvmOptions,
                                    Function<String, ScriptRealmSettings> realms, MeterRegistry registry) {
        return start(size, limits, FetchPolicy.DEFAULTS, grace, jvmOptions, realms, registry);
    }

    static ProcessPoolSandbox start(int size, SandboxLimits limits, FetchPolicy fetch, Duration grace,
                                    List<String> jvmOptions, Function<String, ScriptRealmSettings> realms,
                                    MeterRegistry registry) {
        return start(size, limits, fetch, grace, START_TIMEOUT, realms, registry);
    }

    static ProcessPoolSandbox start(int size, SandboxLimits limits, FetchPolicy fetch, Duration grace,
                                    Duration prepareTimeout, Function<String, ScriptRealmSettings> realms,
                                    MeterRegistry registry) {
        return new ProcessPoolSandbox(new WorkerPoolSettings(size, WorkerCommand.of("64m", List.of(), Optional.empty()),
                "64m", limits, fetch, grace, START_TIMEOUT, prepareTimeout, START_TIMEOUT), realms, registry);
    }

    static ScriptVersion script(String realm, String name, String source) {
        return new ScriptVersion(realm, name, 1, ScriptStatus.PUBLISHED, source, List.of("internal", "external"));
    }

    static ScriptErrorCode code(ScriptRun run) {
        return run.error().map(ScriptRun.Failure::code).orElse(null);
    }

    /** Live child processes of this JVM that run {@link SandboxWorkerMain}. */
    static Set<Long> workerProcesses() {
        return ProcessHandle.current().children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(WorkerCommand.MARKER)).orElse(false))
                .map(ProcessHandle::pid)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Waits (bounded) until the pool has all its workers again after replacements. */
    static void awaitFull(ProcessPoolSandbox pool) throws InterruptedException {
        long until = System.nanoTime() + START_TIMEOUT.toNanos();
        while (pool.liveWorkers() < pool.size() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }
}
