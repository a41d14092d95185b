import dev.arbor.scriptrunner.adapter.out.graaljs.FetchPolicy;
import dev.arbor.scriptrunner.adapter.out.graaljs.GraalScriptSandbox;
import dev.arbor.scriptrunner.adapter.out.graaljs.SandboxLimits;
import dev.arbor.scriptrunner.adapter.out.worker.ProcessPoolSandbox;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerCommand;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerPoolSettings;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import dev.arbor.scriptrunner.port.ScriptSandbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-process latency of one sandbox run (what Execute costs minus gRPC and the catalogue lookup)
 * for a 20-line decision script: the cold first run (new context + parse) and warm runs on a
 * pooled context. Run through bench/script-runner.sh. JMH-free: a bounded loop, nanoTime per run.
 * {@code --process}: the same through the pool of worker processes (2 workers, -Xmx64m), i.e. the
 * sandbox plus the pipe round trip and JSON framing. The cold run is then the realm's first
 * context in a worker whose engine has already warmed up; the worker's start is printed separately.
 */
public class ScriptRunnerBench {
    static final String DECISION = """
            const ip = state.get("clientIp") || "";
            const failures = Number(state.get("failures") || "0");
            const country = state.get("country") || "unknown";
            const parts = ip.split(".").map(Number);
            const internal = parts.length === 4 && (parts[0] === 10
                || (parts[0] === 172 && parts[1] >= 16 && parts[1] <= 31)
                || (parts[0] === 192 && parts[1] === 168));
            let risk = 0;
            if (!internal) {
              risk += 10;
            }
            if (failures > 2) {
              risk += 30;
            }
            if (["xx", "yy"].includes(country)) {
              risk += 50;
            }
            state.put("risk", risk);
            log.info("risk", risk, "internal", internal);
            action.goTo(internal ? "skip-otp" : risk > 40 ? "deny" : "otp");
            """;

    public static void main(String[] argv) {
        boolean process = argv.length > 0 && argv[0].equals("--process");
        String[] args = process ? Arrays.copyOfRange(argv, 1, argv.length) : argv;
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        SandboxLimits limits = new SandboxLimits(1_000_000, Duration.ofMillis(500), 65_536, 20, 500, 32, 4096, 4);
        ScriptVersion script = new ScriptVersion("bench", "decide", 1, ScriptStatus.PUBLISHED, DECISION,
                List.of("skip-otp", "otp", "deny"));
        Map<String, String> state = Map.of("clientIp", "203.0.113.7", "failures", "1", "country", "fr");
        try (AutoCloseable closing = process ? processPool(limits) : new GraalScriptSandbox(limits)) {
            ScriptSandbox sandbox = (ScriptSandbox) closing;
            long t0 = System.nanoTime();
            ScriptRun first = sandbox.run(script, state);
            long cold = System.nanoTime() - t0;
            if (!first.outcome().orElse("").equals("otp")) {
                throw new IllegalStateException("unexpected result " + first);
            }
            for (int i = 0; i < warmup; i++) {
                sandbox.run(script, state);
            }
            long[] samples = new long[measured];
            long start = System.nanoTime();
            for (int i = 0; i < measured; i++) {
                long s = System.nanoTime();
                sandbox.run(script, state);
                samples[i] = System.nanoTime() - s;
            }
            long total = System.nanoTime() - start;
            Arrays.sort(samples);
            System.out.printf("cold first run: %.2f ms%n", cold / 1e6);
            System.out.printf("warm runs: %d after %d warm-up; p50 %.1f us, p99 %.1f us, max %.1f us; %.0f runs/s on one thread%n",
                    measured, warmup, samples[measured / 2] / 1e3, samples[(int) (measured * 0.99)] / 1e3,
                    samples[measured - 1] / 1e3, measured / (total / 1e9));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ProcessPoolSandbox processPool(SandboxLimits limits) {
        long t0 = System.nanoTime();
        ProcessPoolSandbox pool = new ProcessPoolSandbox(new WorkerPoolSettings(2,
                WorkerCommand.of("64m", List.of(), Optional.empty()), "64m", limits, FetchPolicy.DEFAULTS,
                Duration.ofSeconds(1), Duration.ofSeconds(120), Duration.ofSeconds(10), Duration.ofSeconds(5)),
                realm -> ScriptRealmSettings.NONE, new SimpleMeterRegistry());
        if (!pool.awaitFirstWorker(Duration.ofSeconds(120))) {
            throw new IllegalStateException("no worker started: " + pool.lastStartFailure().orElse("timed out"));
        }
        System.out.printf("first worker process ready after %.2f s%n", (System.nanoTime() - t0) / 1e9);
        return pool;
    }
}
