package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.script.ScriptCall;
import dev.arbor.authtree.domain.script.ScriptQuestion;
import dev.arbor.authtree.domain.script.ScriptQuestion.Kind;
import dev.arbor.authtree.domain.script.ScriptVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Given/When/Then tests of ScriptedDecision against a scripted gateway (the gRPC adapter is tested over REST). */
class ScriptedDecisionTest {
    private static final Map<String, Object> CONFIG = Map.of("script", "router", "version", 3,
            "outcomes", List.of("allow", "deny"));

    private final List<ScriptCall> calls = new ArrayList<>();
    private Function<ScriptCall, ScriptVerdict> script = call -> new ScriptVerdict.Decided("allow", Map.of());
    private final ScriptedDecision node = new ScriptedDecision(call -> {
        calls.add(call);
        return script.apply(call);
    }, List.of(Cidr.parse("127.0.0.0/8")));

    private static NodeContext entered(NodeState state, ClientRequest client) {
        return new NodeContext("r", "route", CONFIG, state, List.of(), client);
    }

    private static NodeContext answered(NodeState state, Callback... answers) {
        return new NodeContext("r", "route", CONFIG, state, List.of(answers));
    }

    @Test
    void takesTheOutcomeTheScriptChoseAndAppliesItsStatePatch() {
        // Given a script that decides deny and writes risk
        script = call -> new ScriptVerdict.Decided("deny", Map.of("risk", "high"));
        NodeState state = new NodeState(Map.of("username", "alice"));
        // When the node runs Then deny, and risk is in shared state for later nodes
        assertEquals(Action.goTo("deny"), node.process(entered(state, ClientRequest.UNKNOWN)));
        assertEquals("high", state.shared("risk").orElseThrow());
        ScriptCall call = calls.getFirst();
        assertEquals("router", call.script());
        assertEquals(3, call.version());
        assertEquals(List.of("allow", "deny"), call.outcomes());
        assertEquals(Map.of("username", "alice"), call.state());
    }

    @Test
    void sendsSharedStateButNeverTransientState() {
        NodeState state = new NodeState(Map.of("username", "alice"));
        state.putTransient("password", "secret");
        node.process(entered(state, ClientRequest.UNKNOWN));
        assertFalse(calls.getFirst().state().containsKey("password"));
        assertFalse(calls.getFirst().state().containsValue("secret"));
    }

    @Test
    void sendsOnlyForwardableHeadersTheClientIpAndTheLocale() {
        // Given a request through a trusted proxy with cookies and an Authorization header
        ClientRequest client = new ClientRequest("127.0.0.1", List.of("10.1.2.3"), Map.of(
                "User-Agent", "Firefox", "Accept-Language", "de-CH,de;q=0.9,en;q=0.5",
                "Cookie", "arbor_session=s3cret", "Authorization", "Bearer t0ken"));
        // When the node runs
        node.process(entered(new NodeState(Map.of()), client));
        // Then only user-agent and accept-language reach the script, with the forwarded client and its locale
        ScriptCall call = calls.getFirst();
        assertEquals(Map.of("user-agent", "Firefox", "accept-language", "de-CH,de;q=0.9,en;q=0.5"),
                call.requestHeaders());
        assertEquals("10.1.2.3", call.clientIp());
        assertEquals("de-CH", call.locale());
    }

    @Test
    void anUnknownClientAddressIsSentAsEmpty() {
        node.process(entered(new NodeState(Map.of()), ClientRequest.UNKNOWN));
        assertEquals("", calls.getFirst().clientIp());
        assertEquals("", calls.getFirst().locale());
    }

    @Test
    void questionsBecomeOneStepOfCallbacksAndTheAnswersGoBackToTheScript() {
        // Given a script that asks four questions first
        script = call -> call.answers().isEmpty()
                ? new ScriptVerdict.Asked(List.of(
                        new ScriptQuestion(Kind.MESSAGE, "hello", "Welcome", List.of(), null),
                        new ScriptQuestion(Kind.TEXT, "pet", "Name of your first pet?", List.of(), null),
                        new ScriptQuestion(Kind.CHOICE, "colour", "Colour?", List.of("red", "blue"), null),
                        new ScriptQuestion(Kind.CONFIRMATION, "sure", "Sure?", List.of(), null)),
                        Map.of("asked", "yes"))
                : new ScriptVerdict.Decided("allow", Map.of());
        NodeState state = new NodeState(Map.of());
        // When entered Then one step with the four callbacks
        Action.SendCallbacks step = (Action.SendCallbacks) node.process(entered(state, ClientRequest.UNKNOWN));
        assertEquals(List.of("TextOutputCallback", "TextInputCallback", "ChoiceCallback", "ConfirmationCallback"),
                step.callbacks().stream().map(Callback::type).toList());
        assertEquals("Welcome", step.callbacks().get(0).output().get(0).value());
        assertEquals(List.of("red", "blue"), step.callbacks().get(2).output().get(1).value());
        assertEquals(List.of("Yes", "No"), step.callbacks().get(3).output().get(2).value());
        assertEquals("yes", state.shared("asked").orElseThrow());
        // When answered Then the script runs again with the answers by id, the MESSAGE left out
        Action done = node.process(answered(state, new Callback("TextOutputCallback", List.of(), null),
                new Callback("TextInputCallback", List.of(), "Rex"), new Callback("ChoiceCallback", List.of(), "1"),
                new Callback("ConfirmationCallback", List.of(), "0")));
        assertEquals(Action.goTo("allow"), done);
        assertEquals(List.of("pet=Rex", "colour=blue", "sure=true"), calls.get(1).answers().stream()
                .map(a -> a.id() + "=" + a.value()).toList());
        assertTrue(state.sharedSnapshot().keySet().stream().noneMatch(k -> k.startsWith("script.")));
    }

    @Test
    void answersThatDoNotMatchTheStepAreMissingInput() {
        script = call -> new ScriptVerdict.Asked(List.of(
                new ScriptQuestion(Kind.CHOICE, "c", "Colour?", List.of("red"), null)), Map.of());
        NodeState state = new NodeState(Map.of());
        node.process(entered(state, ClientRequest.UNKNOWN));
        assertThrows(MissingInputException.class, () -> node.process(answered(state,
                new Callback("ChoiceCallback", List.of(), "7"))));
        node.process(entered(state, ClientRequest.UNKNOWN));
        assertThrows(MissingInputException.class, () -> node.process(answered(state,
                new Callback("TextInputCallback", List.of(), "red"))));
    }

    @Test
    void aScriptErrorNeverTakesAnOutcome() {
        for (String error : List.of("TIMEOUT", "LIMIT", "RUNTIME", "INVALID_OUTCOME", "NOT_FOUND")) {
            script = call -> new ScriptVerdict.Failed(error, "at line 3", Map.of("half", "done"));
            NodeState state = new NodeState(Map.of());
            ScriptFailedException e = assertThrows(ScriptFailedException.class,
                    () -> node.process(entered(state, ClientRequest.UNKNOWN)));
            assertEquals(error, e.error());
            assertEquals("script-runner", e.dependency());
            assertTrue(state.shared("half").isEmpty(), "a failed script's patch is not applied");
        }
    }

    @Test
    void anOutcomeTheNodeDoesNotDeclareFailsClosed() {
        script = call -> new ScriptVerdict.Decided("success", Map.of());
        assertEquals("UNDECLARED_OUTCOME", assertThrows(ScriptFailedException.class,
                () -> node.process(entered(new NodeState(Map.of()), ClientRequest.UNKNOWN))).error());
    }

    @Test
    void aScriptCannotWriteTheSubject() {
        script = call -> new ScriptVerdict.Decided("allow", Map.of("subject", "00000000-0000-0000-0000-000000000001"));
        NodeState state = new NodeState(Map.of());
        assertEquals("RESERVED_STATE_KEY", assertThrows(ScriptFailedException.class,
                () -> node.process(entered(state, ClientRequest.UNKNOWN))).error());
        assertTrue(state.shared("subject").isEmpty());
    }

    @Test
    void anUnreachableScriptRunnerPropagatesAsDependencyUnavailable() {
        script = call -> {
            throw new DependencyUnavailableException("script-runner", new RuntimeException("UNAVAILABLE"));
        };
        assertThrows(DependencyUnavailableException.class,
                () -> node.process(entered(new NodeState(Map.of()), ClientRequest.UNKNOWN)));
    }

    @Test
    void configNeedsAScriptAndOutcomes() {
        assertEquals(List.of(), node.configProblems(CONFIG));
        assertEquals(List.of("allow", "deny"), node.outcomes(CONFIG));
        assertEquals(List.of("'script' is required"), node.configProblems(Map.of("outcomes", List.of("a"))));
        assertEquals(List.of("'outcomes' must be a non-empty list"), node.configProblems(Map.of("script", "s")));
        assertEquals(1, node.configProblems(Map.of("script", "s", "version", -1, "outcomes", List.of("a"))).size());
    }

    @Test
    void declaredWritesReachTheValidatorButNeverTheSubject() {
        Map<String, Object> config = Map.of("script", "s", "outcomes", List.of("a"), "writes", List.of("tier"));
        assertEquals(java.util.Set.of("tier"), node.writes(config));
        assertEquals(java.util.Set.of(), node.writes(CONFIG));
        assertEquals(List.of("'writes': a script cannot write 'subject' or 'script.*'"), node.configProblems(
                Map.of("script", "s", "outcomes", List.of("a"), "writes", List.of("subject"))));
    }

    @Test
    void localeIsTheFirstLanguageRange() {
        assertEquals("en-GB", ScriptedDecision.locale("en-gb;q=0.8, fr;q=0.1"));
        assertEquals("", ScriptedDecision.locale("*"));
        assertEquals("", ScriptedDecision.locale(";;;"));
    }

    @Test
    void shipsItsMessageBundle() {
        assertEquals("Yes", NodeMessages.get(ScriptedDecision.class, "yes"));
    }
}
