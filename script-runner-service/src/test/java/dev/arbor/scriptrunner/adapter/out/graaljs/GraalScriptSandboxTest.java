package dev.arbor.scriptrunner.adapter.out.graaljs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.execution.LogEntry;
import dev.arbor.scriptrunner.domain.execution.ScriptErrorCode;
import dev.arbor.scriptrunner.domain.execution.ScriptRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Hostile and normal scripts against the real GraalJS sandbox (no Quarkus needed). */
class GraalScriptSandboxTest {
    static final SandboxLimits LIMITS = new SandboxLimits(1_000_000, Duration.ofMillis(500), 65_536,
            5, 40, 4, 100, 2);
    static final GraalScriptSandbox SANDBOX = new GraalScriptSandbox(LIMITS);

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

    @AfterAll
    static void close() {
        SANDBOX.close();
    }

    static ScriptVersion script(String realm, String name, String source) {
        return new ScriptVersion(realm, name, 1, ScriptStatus.PUBLISHED, source, List.of("internal", "external"));
    }

    static ScriptRun run(String source) {
        return SANDBOX.run(script("acme", "s" + Math.abs(source.hashCode()), source), Map.of());
    }

    static ScriptErrorCode code(ScriptRun run) {
        return run.error().map(ScriptRun.Failure::code).orElse(null);
    }

    @Test
    void decisionScriptReturnsOutcomeStatePatchAndLogs() {
        ScriptRun internal = SANDBOX.run(script("acme", "decide", DECISION), Map.of("clientIp", "10.1.2.3"));
        ScriptRun external = SANDBOX.run(script("acme", "decide", DECISION), Map.of("clientIp", "203.0.113.9"));

        assertEquals("internal", internal.outcome().orElseThrow());
        assertEquals(Map.of("network", "internal"), internal.statePatch());
        assertEquals("external", external.outcome().orElseThrow());
        assertEquals(List.of(new LogEntry(LogEntry.Level.INFO, "external ip 203.0.113.9")), external.logs());
    }

    @Test
    void stateGetSeesTheRunsOwnWritesAndNumbersAreStoredAsStrings() {
        ScriptRun run = SANDBOX.run(script("acme", "counter", """
                state.put("count", Number(state.get("count")) + 1);
                state.put("ok", true);
                action.goTo(state.get("count") === "3" ? "internal" : "external");
                """), Map.of("count", "2"));

        assertEquals("internal", run.outcome().orElseThrow());
        assertEquals(Map.of("count", "3", "ok", "true"), run.statePatch());
    }

    @Test
    void endlessLoopIsStoppedByTheStatementLimitOrTheDeadline() {
        long start = System.nanoTime();
        ScriptRun run = run("while (true) {}");

        assertTrue(Set.of(ScriptErrorCode.LIMIT, ScriptErrorCode.TIMEOUT).contains(code(run)), run.toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5_000);
    }

    @Test
    void endlessLoopUnderAHighStatementLimitIsStoppedByTheWatchdogWithTimeout() {
        try (GraalScriptSandbox lenient = new GraalScriptSandbox(new SandboxLimits(Long.MAX_VALUE,
                Duration.ofMillis(200), 65_536, 5, 40, 4, 100, 2))) {
            ScriptRun run = lenient.run(script("acme", "spin", "for (;;) { try { while (true) {} } catch (e) {} }"),
                    Map.of());

            assertEquals(ScriptErrorCode.TIMEOUT, code(run), run.toString());
            assertEquals("the script ran longer than its deadline of 200 ms", run.error().orElseThrow().message());
            ScriptRun after = lenient.run(script("acme", "decide", DECISION), Map.of("clientIp", "10.0.0.1"));
            assertEquals("internal", after.outcome().orElseThrow());
        }
    }

    @Test
    void deepRecursionIsALimitNotACrash() {
        ScriptRun run = run("function down(n) { return down(n + 1) + 1; } down(0); action.goTo('internal');");

        assertTrue(Set.of(ScriptErrorCode.LIMIT, ScriptErrorCode.RUNTIME).contains(code(run)), run.toString());
        assertFalse(run.error().orElseThrow().message().contains("at "), run.toString());
    }

    @Test
    void stringDoublingStopsAtTheStringLengthLimit() {
        ScriptRun run = run("let s = 'x'; while (true) { s = s + s; }");

        assertEquals(ScriptErrorCode.LIMIT, code(run), run.toString());
    }

    @Test
    void hugeRepeatIsALimit() {
        ScriptRun run = run("const s = 'x'.repeat(2 ** 31); action.goTo('internal');");

        assertEquals(ScriptErrorCode.LIMIT, code(run), run.toString());
    }

    @Test
    void growingArrayWithoutEndIsStopped() {
        ScriptRun run = run("const a = []; while (true) { a.push(new Array(100).fill(a.length)); }");

        assertTrue(Set.of(ScriptErrorCode.LIMIT, ScriptErrorCode.TIMEOUT).contains(code(run)), run.toString());
    }

    /**
     * One builtin call allocating ~800 MB: no statement limit sees it (it is one statement) and the
     * community edition has no heap cap, so the watchdog's interrupt stops it (docs/guides/scripts.md).
     */
    @Test
    void hugeArrayFilledInOneBuiltinCallIsStoppedByTheDeadline() {
        ScriptRun run = run("new Array(1e8).fill(0); action.goTo('internal');");

        assertTrue(Set.of(ScriptErrorCode.LIMIT, ScriptErrorCode.TIMEOUT).contains(code(run)), run.toString());
        assertEquals("internal", SANDBOX.run(script("acme", "decide", DECISION), Map.of("clientIp", "10.0.0.1"))
                .outcome().orElseThrow());
    }

    @Test
    void hostAndPolyglotEscapesAreNotReachable() {
        for (String escape : List.of(
                "Java.type('java.lang.Runtime').getRuntime().exec('id')",
                "Polyglot.eval('js', '1')",
                "load('/etc/passwd')",
                "require('fs')",
                "process.exit(1)",
                "Packages.java.lang.System.exit(1)",
                "state.getClass().forName('java.lang.System')",
                "print('x'); console.log('x')")) {
            ScriptRun run = run(escape + "; action.goTo('internal');");

            assertEquals(ScriptErrorCode.RUNTIME, code(run), escape + " -> " + run);
            String message = run.error().orElseThrow().message();
            assertFalse(message.contains("Exception") || message.contains("\tat ") || message.contains("polyglot"),
                    run.toString());
        }
    }

    @Test
    void prototypePollutionInOneRunIsNotVisibleInTheNext() {
        ScriptRun polluter = run("""
                try { Object.prototype.isAdmin = true; } catch (e) { log.info('blocked', e.name); }
                try { Array.prototype.map = () => 'hacked'; } catch (e) { log.info('blocked', e.name); }
                try { globalThis.leak = 'run1'; } catch (e) { log.info('blocked', e.name); }
                try { JSON.parse = () => ({}); } catch (e) { log.info('blocked', e.name); }
                action.goTo('internal');
                """);
        ScriptRun victim = run("""
                const clean = ({}).isAdmin === undefined && [1].map(x => x + 1)[0] === 2
                    && typeof leak === 'undefined' && JSON.parse('{"a":1}').a === 1;
                action.goTo(clean ? 'internal' : 'external');
                """);

        assertEquals("internal", polluter.outcome().orElseThrow());
        assertEquals(4, polluter.logs().size(), polluter.toString());
        assertEquals("internal", victim.outcome().orElseThrow(), victim.toString());
    }

    @Test
    void bodyThatClosesTheWrapperToDeclareGlobalsIsASyntaxError() {
        ScriptRun run = run("}); let leak = []; (function () {");

        assertEquals(ScriptErrorCode.RUNTIME, code(run));
        assertTrue(run.error().orElseThrow().message().startsWith("syntax error"), run.toString());
    }

    @Test
    void scriptsOfOneRealmNeverRunInAnotherRealmsContext() {
        String probe = """
                const seen = state.get("secret");
                state.put("seen", seen === null ? "nothing" : seen);
                action.goTo("internal");
                """;
        SANDBOX.run(script("realm-a", "probe", probe), Map.of("secret", "a-only"));

        ScriptRun inB = SANDBOX.run(script("realm-b", "probe", probe), Map.of());

        assertEquals(Map.of("seen", "nothing"), inB.statePatch());
    }

    @Test
    void endingWithoutGoToIsARuntimeErrorThatSaysSo() {
        ScriptRun run = run("state.put('x', '1');");

        assertEquals(ScriptErrorCode.RUNTIME, code(run));
        assertEquals("the script ended without calling action.goTo(outcome)", run.error().orElseThrow().message());
        assertEquals(Map.of("x", "1"), run.statePatch());
    }

    @Test
    void apiMisuseIsARuntimeErrorWithTheApisMessage() {
        assertTrue(run("action.goTo(42);").error().orElseThrow().message()
                .startsWith("action.goTo(outcome): outcome must be a non-empty string"));
        assertTrue(run("action.goTo('internal'); action.goTo('external');").error().orElseThrow().message()
                .startsWith("action.goTo was called twice"));
        assertTrue(run("state.put('k', {a: 1}); action.goTo('internal');").error().orElseThrow().message()
                .contains("must be a string, number or boolean"));
        assertEquals(ScriptErrorCode.RUNTIME,
                code(run("for (let i = 0; i < 5; i++) state.put('k' + i, i); action.goTo('internal');")));
    }

    @Test
    void uncaughtGuestErrorGivesItsMessageAndLineButNoStack() {
        ScriptRun run = run("const x = 1;\nthrow new Error('boom');");

        assertEquals(ScriptErrorCode.RUNTIME, code(run));
        assertEquals("uncaught Error: boom (line 2)", run.error().orElseThrow().message());
    }

    @Test
    void logsAreCappedInCountAndLength() {
        ScriptRun run = run("for (let i = 0; i < 8; i++) log.warn('line', i, 'x'.repeat(100)); action.goTo('internal');");

        assertEquals(6, run.logs().size());
        assertTrue(run.logs().getFirst().message().length() <= 41);
        assertEquals("3 more log line(s) dropped (limit 5 per run)", run.logs().getLast().message());
    }

    @Test
    void sourceOverTheSizeCapIsALimitWithoutRunning() {
        ScriptRun run = run("action.goTo('internal');" + " ".repeat(70_000));

        assertEquals(ScriptErrorCode.LIMIT, code(run));
    }

    @Test
    void aHundredHostileScriptsInARowLeaveTheSandboxWorking() {
        List<String> hostile = List.of("while (true) {}", "function f() { return f(); } f();",
                "let s = 'x'; for (;;) s += s;", "Java.type('java.lang.System')", "Object.prototype.p = 1;",
                "throw new Error('x')", "action.goTo('nowhere-declared')", "require('fs')",
                "const a = []; for (;;) a.push([a.length]);", "}); (function () {");
        for (int i = 0; i < 100; i++) {
            ScriptRun hostileRun = SANDBOX.run(script("acme", "hostile-" + (i % hostile.size()),
                    hostile.get(i % hostile.size())), Map.of());
            assertTrue(hostileRun.error().isPresent() || hostileRun.outcome().orElseThrow().equals("nowhere-declared"));
        }

        ScriptRun normal = SANDBOX.run(script("acme", "decide", DECISION), Map.of("clientIp", "10.9.9.9"));

        assertEquals("internal", normal.outcome().orElseThrow(), normal.toString());
        assertEquals(Map.of("network", "internal"), normal.statePatch());
    }
}
