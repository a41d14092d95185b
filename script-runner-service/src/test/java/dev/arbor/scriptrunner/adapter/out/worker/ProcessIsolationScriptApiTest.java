package dev.arbor.scriptrunner.adapter.out.worker;

import static dev.arbor.scriptrunner.adapter.out.worker.WorkerPools.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.arbor.scriptrunner.adapter.out.graaljs.FetchPolicy;
import dev.arbor.scriptrunner.adapter.out.graaljs.SandboxLimits;
import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.execution.LogEntry;
import dev.arbor.scriptrunner.domain.execution.ScriptCallback;
import dev.arbor.scriptrunner.domain.execution.ScriptErrorCode;
import dev.arbor.scriptrunner.domain.execution.ScriptInput;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings.AllowedHost;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Script API behaves the same in a worker process: the realm's allow-list and secrets travel
 * with each run request (the worker has no realm registry), the fetch happens in the worker under
 * the same policy, and what comes back is redacted as in process.
 */
class ProcessIsolationScriptApiTest {
    static final String SECRET = "key-for-the-api-1234";
    static HttpServer server;
    static String base;
    static ProcessPoolSandbox pool;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", exchange -> {
            byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Api-Key"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        ScriptRealmSettings acme = new ScriptRealmSettings(List.of(new AllowedHost("127.0.0.1", true)),
                Map.of("apiKey", SECRET));
        pool = WorkerPools.start(1, new SandboxLimits(1_000_000, Duration.ofSeconds(5), 65_536, 5, 200, 8, 4096, 2),
                new FetchPolicy(true, Duration.ofSeconds(2), 256 * 1024, 5, 65_536), Duration.ofSeconds(2), List.of(),
                realm -> realm.equals("acme") ? acme : ScriptRealmSettings.NONE, new SimpleMeterRegistry());
        assertTrue(pool.awaitFirstWorker(WorkerPools.START_TIMEOUT), pool.lastStartFailure().orElse("timed out"));
    }

    @AfterAll
    static void stop() {
        pool.close();
        server.stop(0);
    }

    static ScriptRun run(String realm, String source, ScriptInput input) {
        return pool.run(new ScriptVersion(realm, "s" + Math.abs(source.hashCode()), 1, ScriptStatus.PUBLISHED,
                source.replace("BASE", base), List.of("yes", "no")), input);
    }

    @Test
    void fetchUsesTheRealmsAllowListAndSecretAndTheOutputIsRedacted() {
        ScriptRun run = run("acme", """
                const res = http.fetch("BASE/echo", { method: "POST", headers: { "X-Api-Key": secrets.get("apiKey") } });
                state.put("body", res.body);
                log.info("sent", secrets.get("apiKey"));
                action.goTo(res.status === 200 ? "yes" : "no");
                """, ScriptInput.ofState(Map.of()));

        assertEquals("yes", run.outcome().orElseThrow(), run.toString());
        assertEquals("POST [redacted]", run.statePatch().get("body"), "the secret reached the server, not the output");
        assertEquals(List.of(new LogEntry(LogEntry.Level.INFO, "sent [redacted]")), run.logs());
    }

    @Test
    void anotherRealmHasNeitherTheAllowListNorTheSecret() {
        ScriptRun run = run("other", """
                state.put("secret", String(secrets.get("apiKey")));
                http.fetch("BASE/echo");
                action.goTo("yes");
                """, ScriptInput.ofState(Map.of()));

        assertEquals(ScriptErrorCode.RUNTIME, code(run));
        assertTrue(run.error().orElseThrow().message()
                .startsWith("http.fetch: host 127.0.0.1 is not on the realm's allow-list"), run.toString());
        assertEquals(Map.of("secret", "null"), run.statePatch());
    }

    @Test
    void requestStateAndCallbackAnswersReachTheScriptAndCallbacksComeBack() {
        ScriptInput first = new ScriptInput(Map.of("step", "1"), Map.of("User-Agent", "curl/8", "Cookie", "sid=x"),
                "203.0.113.7", "de-CH", List.of());
        String source = """
                if (callbacks.answer("terms") === null) {
                  state.put("seen", [state.get("step"), request.header("user-agent"), request.clientIp,
                    request.locale, String(request.headers["cookie"])].join(" "));
                  callbacks.choice("colour", "Pick one", ["red", "green"]);
                  callbacks.confirm("terms", "Accept?");
                } else {
                  action.goTo(callbacks.answer("terms") === "true" && callbacks.answer("colour") === "red" ? "yes" : "no");
                }
                """;

        ScriptRun asking = run("acme", source, first);
        ScriptRun decided = run("acme", source, new ScriptInput(Map.of(), Map.of(), "", "",
                List.of(ScriptCallback.answer("terms", "true"), ScriptCallback.answer("colour", "red"))));

        assertTrue(asking.isAsking(), asking.toString());
        assertEquals("1 curl/8 203.0.113.7 de-CH undefined", asking.statePatch().get("seen"));
        assertEquals(List.of(ScriptCallback.asked(ScriptCallback.Kind.CHOICE, "colour", "Pick one", List.of("red", "green")),
                ScriptCallback.asked(ScriptCallback.Kind.CONFIRMATION, "terms", "Accept?", List.of())), asking.callbacks());
        assertEquals("yes", decided.outcome().orElseThrow(), decided.toString());
    }
}
