package dev.arbor.scriptrunner.adapter.out.graaljs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.execution.ScriptInput;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings.AllowedHost;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code http.fetch} against a local HTTP server. The lenient sandbox may reach private networks
 * (the test-only switch); the strict one is configured as in production.
 */
class HttpFetchSandboxTest {
    static final SandboxLimits LIMITS = new SandboxLimits(1_000_000, Duration.ofSeconds(3), 65_536, 10, 300, 8, 4096, 2);
    static final AtomicInteger HITS = new AtomicInteger();
    static HttpServer server;
    static String base;
    static GraalScriptSandbox lenient;
    static GraalScriptSandbox strict;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/echo", exchange -> {
            HITS.incrementAndGet();
            byte[] in = exchange.getRequestBody().readAllBytes();
            String body = exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Api-Key")
                    + " " + new String(in, StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Answer", "42");
            reply(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/redirect", exchange -> {
            HITS.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            reply(exchange, 302, new byte[0]);
        });
        server.createContext("/big", exchange -> reply(exchange, 200, new byte[300 * 1024]));
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, "late".getBytes(StandardCharsets.UTF_8));
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        ScriptRealmSettings local = new ScriptRealmSettings(List.of(new AllowedHost("127.0.0.1", true),
                new AllowedHost("localhost", true), new AllowedHost("169.254.169.254", true),
                new AllowedHost("api.example.com", false)), Map.of("apiKey", "key-for-the-api-1234"));
        lenient = new GraalScriptSandbox(LIMITS, new FetchPolicy(true, Duration.ofSeconds(2), 256 * 1024, 5, 65_536),
                realm -> realm.equals("acme") ? local : ScriptRealmSettings.NONE);
        strict = new GraalScriptSandbox(LIMITS, FetchPolicy.DEFAULTS,
                realm -> realm.equals("acme") ? local : ScriptRealmSettings.NONE);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        lenient.close();
        strict.close();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static ScriptRun run(GraalScriptSandbox sandbox, String realm, String source) {
        return sandbox.run(new ScriptVersion(realm, "f" + Math.abs(source.hashCode()), 1, ScriptStatus.PUBLISHED,
                source.replace("BASE", base), List.of("ok", "failed")), ScriptInput.ofState(Map.of()));
    }

    static String message(ScriptRun run) {
        return run.error().map(ScriptRun.Failure::message).orElse("");
    }

    @Test
    void fetchSendsMethodHeadersAndBodyAndReturnsStatusHeadersAndBody() {
        ScriptRun run = run(lenient, "acme", """
                const res = http.fetch("BASE/echo", { method: "POST", headers: { "X-Api-Key": secrets.get("apiKey") },
                  body: "hi", timeoutMs: 1000 });
                state.put("status", res.status);
                state.put("body", res.body);
                state.put("answer", res.headers["x-answer"]);
                action.goTo(res.status === 200 ? "ok" : "failed");
                """);

        assertEquals("ok", run.outcome().orElseThrow(), run.toString());
        assertEquals("200", run.statePatch().get("status"));
        assertEquals("POST [redacted] hi", run.statePatch().get("body"), "the secret reached the server, not the output");
        assertEquals("42", run.statePatch().get("answer"));
    }

    @Test
    void redirectsAreReturnedNotFollowed() {
        int before = HITS.get();
        ScriptRun run = run(lenient, "acme", """
                const res = http.fetch("BASE/redirect");
                state.put("status", res.status);
                state.put("location", res.headers["location"]);
                action.goTo("ok");
                """);

        assertEquals("302", run.statePatch().get("status"), run.toString());
        assertEquals("http://169.254.169.254/latest/meta-data/", run.statePatch().get("location"));
        assertEquals(before + 1, HITS.get());
    }

    @Test
    void responseOverTheCapFails() {
        ScriptRun run = run(lenient, "acme", "http.fetch('BASE/big'); action.goTo('ok');");

        assertTrue(message(run).startsWith("http.fetch: the response is larger than 262144 bytes"), run.toString());
    }

    @Test
    void slowServerHitsTheFetchTimeout() {
        long start = System.nanoTime();
        ScriptRun run = run(lenient, "acme", """
                try { http.fetch("BASE/slow", { timeoutMs: 200 }); } catch (e) { state.put("error", e.message); }
                action.goTo("ok");
                """);

        assertTrue(run.statePatch().getOrDefault("error", "").contains("timed out after 200 ms"), run.toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1400);
    }

    @Test
    void aFetchNeverOutlivesTheRunsDeadlineAndTheSandboxStaysUsable() {
        ScriptRealmSettings local = new ScriptRealmSettings(List.of(new AllowedHost("127.0.0.1", true)), Map.of());
        try (GraalScriptSandbox tight = new GraalScriptSandbox(new SandboxLimits(1_000_000, Duration.ofMillis(300),
                65_536, 10, 300, 8, 4096, 2), new FetchPolicy(true, Duration.ofSeconds(2), 1024, 5, 1024),
                realm -> local)) {
            long start = System.nanoTime();
            ScriptRun slow = run(tight, "acme", "http.fetch('BASE/slow', { timeoutMs: 5000 }); action.goTo('ok');");
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertTrue(slow.error().isPresent(), slow.toString());
            assertTrue(millis < 1200, millis + " ms");
            ScriptRun after = run(tight, "acme", "action.goTo(http.fetch('BASE/echo').status === 200 ? 'ok' : 'failed');");
            assertEquals("ok", after.outcome().orElseThrow(), after.toString());
        }
    }

    @Test
    void fetchesPerRunAreCounted() {
        ScriptRun run = run(lenient, "acme", "for (let i = 0; i < 6; i++) http.fetch('BASE/echo'); action.goTo('ok');");

        assertTrue(message(run).startsWith("http.fetch: a run may fetch at most 5 times"), run.toString());
    }

    @Test
    void hostsNotOnTheAllowListAreRefusedWithoutAConnection() {
        int before = HITS.get();
        ScriptRun otherRealm = run(lenient, "other", "http.fetch('BASE/echo'); action.goTo('ok');");
        ScriptRun notListed = run(lenient, "acme", "http.fetch('https://evil.example.net/x'); action.goTo('ok');");

        assertTrue(message(otherRealm).startsWith("http.fetch: host 127.0.0.1 is not on the realm's allow-list"),
                otherRealm.toString());
        assertTrue(message(notListed).contains("evil.example.net is not on the realm's allow-list"));
        assertEquals(before, HITS.get());
    }

    @Test
    void plainHttpNeedsAnInsecureEntryAndOtherSchemesAreRefused() {
        assertTrue(message(run(lenient, "acme", "http.fetch('http://api.example.com/'); action.goTo('ok');"))
                .contains("plain http to api.example.com is not allowed"));
        assertTrue(message(run(lenient, "acme", "http.fetch('file:///etc/passwd'); action.goTo('ok');"))
                .contains("only https URLs"));
        assertTrue(message(run(lenient, "acme", "http.fetch('https://user:pw@api.example.com/'); action.goTo('ok');"))
                .contains("no user info"));
    }

    @Test
    void loopbackByNameAndTheMetadataAddressAreRefusedInProduction() {
        int before = HITS.get();
        String port = String.valueOf(server.getAddress().getPort());
        ScriptRun byName = run(strict, "acme", "http.fetch('http://localhost:" + port + "/echo'); action.goTo('ok');");
        ScriptRun literal = run(strict, "acme", "http.fetch('BASE/echo'); action.goTo('ok');");
        ScriptRun metadata = run(strict, "acme",
                "http.fetch('http://169.254.169.254/latest/meta-data/'); action.goTo('ok');");

        assertTrue(message(byName).contains("resolves to a loopback address"), byName.toString());
        assertTrue(message(literal).contains("resolves to a loopback address"), literal.toString());
        assertTrue(message(metadata).contains("resolves to a link-local address"), metadata.toString());
        assertEquals(before, HITS.get());
    }

    @Test
    void badOptionsAreRuntimeErrorsWithTheApisMessage() {
        assertTrue(message(run(lenient, "acme", "http.fetch('BASE/echo', { method: 'TRACE' }); action.goTo('ok');"))
                .contains("method must be one of"));
        assertTrue(message(run(lenient, "acme", "http.fetch('BASE/echo', { headers: { a: 1 } }); action.goTo('ok');"))
                .contains("header a must be a string"));
        assertTrue(message(run(lenient, "acme", "http.fetch('BASE/echo', { headers: { Host: 'x' } }); action.goTo('ok');"))
                .contains("cannot be set"));
        assertTrue(message(run(lenient, "acme", "http.fetch(42); action.goTo('ok');")).contains("url must be a string"));
    }

    @Test
    void addressPolicyRefusesEveryNonPublicRange() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "::1", "fe80::1", "fd00::1", "224.0.0.1")) {
            assertTrue(AddressPolicy.refusal(InetAddress.getByName(address)) != null, address);
        }
        assertEquals(null, AddressPolicy.refusal(InetAddress.getByName("93.184.216.34")));
        assertEquals(null, AddressPolicy.refusal(InetAddress.getByName("2606:2800:220:1::1")));
    }
}
