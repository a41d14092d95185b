package dev.arbor.scriptrunner.adapter.out.graaljs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.admin.SyntaxProblem;
import dev.arbor.scriptrunner.domain.execution.ScriptCallback;
import dev.arbor.scriptrunner.domain.execution.ScriptErrorCode;
import dev.arbor.scriptrunner.domain.execution.ScriptInput;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Script API v2 (request, callbacks, secrets, util) and the syntax check, against the real sandbox. */
class ScriptApiSandboxTest {
    static final String SECRET = "s3cr3t-api-key-of-realm-a";
    static final SandboxLimits LIMITS = new SandboxLimits(1_000_000, Duration.ofMillis(1000), 65_536,
            10, 200, 8, 200, 2);
    static final Map<String, ScriptRealmSettings> REALMS = Map.of(
            "realm-a", new ScriptRealmSettings(List.of(), Map.of("apiKey", SECRET)),
            "realm-b", new ScriptRealmSettings(List.of(), Map.of("other", "realm-b-secret-value")));
    static final GraalScriptSandbox SANDBOX = new GraalScriptSandbox(LIMITS, FetchPolicy.DEFAULTS,
            realm -> REALMS.getOrDefault(realm, ScriptRealmSettings.NONE));

    @AfterAll
    static void close() {
        SANDBOX.close();
    }

    static ScriptRun run(String realm, String source, ScriptInput input) {
        return SANDBOX.run(new ScriptVersion(realm, "s" + Math.abs(source.hashCode()), 1, ScriptStatus.PUBLISHED,
                source, List.of("yes", "no")), input);
    }

    static ScriptRun run(String source) {
        return run("realm-a", source, ScriptInput.ofState(Map.of()));
    }

    static String message(ScriptRun run) {
        return run.error().map(ScriptRun.Failure::message).orElse("");
    }

    @Test
    void requestExposesHeadersClientIpAndLocaleReadOnlyButNeverCredentials() {
        ScriptInput input = new ScriptInput(Map.of(), Map.of("User-Agent", "curl/8", "accept-language", "de-CH",
                "Cookie", "sid=abc", "Authorization", "Bearer x"),
                "203.0.113.7", "de-CH", List.of());
        ScriptRun run = run("realm-a", """
                state.put("ua", request.headers["user-agent"]);
                state.put("ua2", request.header("USER-AGENT"));
                state.put("ip", request.clientIp);
                state.put("locale", request.locale);
                state.put("keys", Object.keys(request.headers).join(","));
                state.put("missing", String(request.header("cookie")));
                let writes = 0;
                try { request.headers["user-agent"] = "evil"; writes++; } catch (e) { }
                try { request.clientIp = "10.0.0.1"; writes++; } catch (e) { }
                try { request.locale = "xx"; writes++; } catch (e) { }
                state.put("writes", writes);
                state.put("after", request.headers["user-agent"] + " " + request.clientIp + " " + request.locale);
                action.goTo("yes");
                """, input);

        assertEquals("yes", run.outcome().orElseThrow(), run.toString());
        assertEquals("curl/8", run.statePatch().get("ua"));
        assertEquals("curl/8", run.statePatch().get("ua2"));
        assertEquals("203.0.113.7", run.statePatch().get("ip"));
        assertEquals("de-CH", run.statePatch().get("locale"));
        assertEquals("accept-language,user-agent", run.statePatch().get("keys"));
        assertEquals("null", run.statePatch().get("missing"));
        assertEquals("0", run.statePatch().get("writes"));
        assertEquals("curl/8 203.0.113.7 de-CH", run.statePatch().get("after"));
    }

    @Test
    void scriptThatAsksAndDoesNotDecideReturnsItsCallbacksWithoutError() {
        ScriptRun run = run("""
                callbacks.message("intro", "One more step");
                callbacks.text("nickname", "Your nickname?");
                callbacks.choice("colour", "Pick one", ["red", "green"]);
                callbacks.confirm("terms", "Accept the terms?");
                """);

        assertTrue(run.isAsking(), run.toString());
        assertTrue(run.error().isEmpty());
        assertEquals(List.of(
                ScriptCallback.asked(ScriptCallback.Kind.MESSAGE, "intro", "One more step", List.of()),
                ScriptCallback.asked(ScriptCallback.Kind.TEXT, "nickname", "Your nickname?", List.of()),
                ScriptCallback.asked(ScriptCallback.Kind.CHOICE, "colour", "Pick one", List.of("red", "green")),
                ScriptCallback.asked(ScriptCallback.Kind.CONFIRMATION, "terms", "Accept the terms?", List.of())),
                run.callbacks());
    }

    @Test
    void answersOfThePreviousStepAreReadableAndTheScriptThenDecides() {
        String source = """
                const accepted = callbacks.answer("terms");
                if (accepted === null) {
                  callbacks.confirm("terms", "Accept?");
                } else {
                  state.put("all", JSON.stringify(callbacks.answers()));
                  action.goTo(accepted === "true" ? "yes" : "no");
                }
                """;
        ScriptRun first = run(source);
        ScriptRun second = run("realm-a", source, new ScriptInput(Map.of(), Map.of(), "", "",
                List.of(ScriptCallback.answer("terms", "true"), ScriptCallback.answer("nick", "ann"))));

        assertTrue(first.isAsking());
        assertEquals("yes", second.outcome().orElseThrow(), second.toString());
        assertEquals("{\"nick\":\"ann\",\"terms\":\"true\"}", second.statePatch().get("all"));
    }

    @Test
    void neitherAskingNorDecidingIsRuntimeAndBothIsRuntimeToo() {
        assertEquals(ScriptErrorCode.RUNTIME, run("state.put('x', 1);").error().orElseThrow().code());
        ScriptRun both = run("callbacks.text('a', 'A?'); action.goTo('yes');");

        assertEquals(ScriptErrorCode.RUNTIME, both.error().orElseThrow().code());
        assertTrue(message(both).contains("both asked"), both.toString());
        assertTrue(both.callbacks().isEmpty());
    }

    @Test
    void callbackMisuseIsARuntimeErrorWithTheApisMessage() {
        assertTrue(message(run("callbacks.text('bad id!', 'x');")).startsWith("callbacks.text: id must be"));
        assertTrue(message(run("callbacks.text('a', 'x'); callbacks.confirm('a', 'y');")).contains("already used"));
        assertTrue(message(run("callbacks.choice('c', 'x', []);")).startsWith("callbacks.choice(id, prompt, choices)"));
        assertTrue(message(run("callbacks.choice('c', 'x', [1, 2]);")).contains("each choice"));
        assertTrue(message(run("callbacks.text('t', 'x'.repeat(501));")).contains("at most 500"));
        assertTrue(message(run("for (let i = 0; i < 11; i++) callbacks.text('t' + i, 'q');")).contains("at most 10"));
    }

    @Test
    void utilEncodesAndDigestsLikeTheRfcs() {
        ScriptRun run = run("""
                state.put("b64", util.base64urlEncode("hello?>"));
                state.put("back", util.base64urlDecode(util.base64urlEncode("grüße ✓")));
                state.put("sha", util.sha256("abc"));
                state.put("hmac", util.hmacSha256("key", "The quick brown fox jumps over the lazy dog"));
                const a = util.randomId(), b = util.randomId();
                state.put("random", String(a.length === 22 && a !== b && /^[A-Za-z0-9_-]+$/.test(a)));
                action.goTo("yes");
                """);

        assertEquals("yes", run.outcome().orElseThrow(), run.toString());
        assertEquals("aGVsbG8_Pg", run.statePatch().get("b64"));
        assertEquals("grüße ✓", run.statePatch().get("back"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", run.statePatch().get("sha"));
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", run.statePatch().get("hmac"));
        assertEquals("true", run.statePatch().get("random"));
    }

    @Test
    void utilRefusesBadInputWithItsOwnMessage() {
        assertTrue(message(run("util.base64urlDecode('***');")).startsWith("util.base64urlDecode: not base64url"));
        assertTrue(message(run("util.base64urlDecode('_w');")).contains("not UTF-8"));
        assertTrue(message(run("util.sha256({});")).contains("must be a string"));
        assertTrue(message(run("util.hmacSha256('', 'x');")).contains("key must not be empty"));
        assertTrue(message(run("util.sha256('x'.repeat(70000));")).contains("longer than"));
    }

    @Test
    void secretsAreTheRealmsOwnAndAnotherRealmsSecretIsUnreachable() {
        String probe = """
                state.put("own", String(secrets.get("other") !== null));
                state.put("foreign", String(secrets.get("apiKey")));
                state.put("fields", typeof secrets.secrets + " " + typeof secrets.get.call);
                action.goTo("yes");
                """;
        run("realm-a", "secrets.get('apiKey'); action.goTo('yes');", ScriptInput.ofState(Map.of()));

        ScriptRun inB = run("realm-b", probe, ScriptInput.ofState(Map.of()));

        assertEquals("true", inB.statePatch().get("own"), inB.toString());
        assertEquals("null", inB.statePatch().get("foreign"));
        assertTrue(inB.statePatch().get("fields").startsWith("undefined"));
        assertEquals("null", run("realm-c", probe, ScriptInput.ofState(Map.of())).statePatch().get("foreign"));
    }

    @Test
    void aSecretNeverLeavesARunInClear() {
        ScriptRun logged = run("""
                const key = secrets.get("apiKey");
                log.info("calling with", key);
                log.warn("prefix-" + key + "-suffix");
                state.put("copy", "k=" + key);
                callbacks.message("m", "your key is " + key);
                """);
        ScriptRun thrown = run("throw new Error('key ' + secrets.get('apiKey'));");

        String everything = logged.toString() + thrown.toString();
        assertFalse(everything.contains(SECRET), everything);
        assertEquals("calling with [redacted]", logged.logs().getFirst().message());
        assertEquals("prefix-[redacted]-suffix", logged.logs().get(1).message());
        assertEquals("k=[redacted]", logged.statePatch().get("copy"));
        assertEquals("your key is [redacted]", logged.callbacks().getFirst().prompt());
        assertTrue(message(thrown).contains("[redacted]"), thrown.toString());
    }

    @Test
    void newApiObjectsExposeNoHostInternals() {
        ScriptRun run = run("""
                const probes = [typeof callbacks.asked, typeof http.client, typeof http.allowList,
                  typeof request.headerMap, typeof util.RANDOM, typeof callbacks.getClass];
                state.put("probes", probes.join(","));
                let escaped = "no";
                try { escaped = String(request.headers.getClass().forName("java.lang.System")); } catch (e) { }
                try { escaped = String(util.constructor.constructor("return this")().Java); } catch (e) { }
                state.put("escaped", escaped);
                action.goTo("yes");
                """);

        assertEquals("yes", run.outcome().orElseThrow(), run.toString());
        assertEquals("undefined,undefined,undefined,undefined,undefined,undefined", run.statePatch().get("probes"));
        assertTrue(List.of("no", "undefined").contains(run.statePatch().get("escaped")), run.toString());
    }

    @Test
    void syntaxCheckGivesTheLineAndColumnOfTheBody() {
        assertEquals(Optional.empty(), SANDBOX.check("action.goTo('yes');"));
        SyntaxProblem problem = SANDBOX.check("const a = 1;\nconst b = ;\n").orElseThrow();

        assertEquals(2, problem.line(), problem.toString());
        assertTrue(problem.column() >= 10, problem.toString());
        assertFalse(problem.message().contains("script.js"), problem.toString());
    }

    @Test
    void syntaxCheckRefusesABodyThatClosesItsWrapper() {
        SyntaxProblem problem = SANDBOX.check("}); let leak = []; (function () {").orElseThrow();

        assertEquals(0, problem.line());
        assertTrue(problem.message().startsWith("the body must be complete statements"), problem.toString());
        assertTrue(SANDBOX.check("let request = 1;").isPresent(), "an API name cannot be redeclared");
    }
}
