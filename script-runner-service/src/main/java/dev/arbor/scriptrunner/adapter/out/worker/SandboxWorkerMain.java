package dev.arbor.scriptrunner.adapter.out.worker;

import dev.arbor.scriptrunner.adapter.out.graaljs.GraalScriptSandbox;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.Ready;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.RunReply;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.RunRequest;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.Setup;
import dev.arbor.scriptrunner.adapter.out.worker.WorkerMessages.Started;
import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.execution.ScriptInput;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A worker process: the {@link GraalScriptSandbox} in a JVM of its own with a small heap, started
 * by {@link WorkerProcess}. Reads run requests from stdin and writes replies to stdout, one at a
 * time ({@link WorkerFrames}); stdout carries nothing else (System.out is pointed at stderr, and
 * the JVM's own messages go to stderr too). A script that allocates past the heap ends this JVM
 * ({@code -XX:+ExitOnOutOfMemoryError}, exit code 3); the service answers {@code LIMIT} and starts
 * another worker. Ends when stdin closes, which is also what happens when the service dies.
 */
public final class SandboxWorkerMain {
    private static final int WARM_UP_RUNS = 200;
    private static final String WARM_UP = """
            const n = Number(state.get("n") || "0");
            const parts = (request.clientIp || "203.0.113.7").split(".").map(Number);
            state.put("sum", parts.reduce((a, b) => a + b, n));
            log.info("warm", n);
            action.goTo(parts[0] === 10 ? "internal" : "external");
            """;

    private SandboxWorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream replies = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        DataInputStream requests = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        Setup setup = WorkerFrames.read(requests, Setup.class);
        try (GraalScriptSandbox sandbox = new GraalScriptSandbox(setup.limits(), setup.fetchPolicy(),
                realm -> ScriptRealmSettings.NONE)) {
            warmUp(sandbox);
            WorkerFrames.write(replies, new Ready(ProcessHandle.current().pid()));
            serve(sandbox, requests, replies);
        }
        System.exit(0);
    }

    private static void serve(GraalScriptSandbox sandbox, DataInputStream requests, DataOutputStream replies)
            throws IOException {
        while (true) {
            RunRequest request;
            try {
                request = WorkerFrames.read(requests, RunRequest.class);
            } catch (EOFException closed) {
                return;
            }
            boolean[] started = new boolean[1];
            Runnable start = () -> {
                started[0] = true;
                send(replies, new Started(true));
            };
            RunReply reply = RunReply.of(sandbox.run(request.script(), request.input(), request.settings(), start));
            if (!started[0]) {
                start.run();
            }
            WorkerFrames.write(replies, reply);
        }
    }

    private static void send(DataOutputStream replies, Object message) {
        try {
            WorkerFrames.write(replies, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads and JIT-compiles the engine's paths before the first real run, not during it. */
    private static void warmUp(GraalScriptSandbox sandbox) {
        ScriptVersion script = new ScriptVersion("\u0000warm-up", "warm-up", 1, ScriptStatus.PUBLISHED, WARM_UP,
                List.of("internal", "external"));
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            sandbox.run(script, new ScriptInput(Map.of("n", Integer.toString(i)), Map.of(), "10.0.0." + (i % 250),
                    "", List.of()), ScriptRealmSettings.NONE);
        }
    }
}
