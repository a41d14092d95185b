package dev.arbor.authtree.adapter.in.rest;

import static dev.arbor.authtree.adapter.in.rest.JourneyClient.fill;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.post;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.fake.FakeScriptRunner;
import dev.arbor.contracts.scriptrunner.v1.ExecuteRequest;
import dev.arbor.contracts.scriptrunner.v1.ScriptCallback;
import dev.arbor.contracts.scriptrunner.v1.ScriptResult;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tree {@code scripted} of realm {@code nodes} over the JSON API, with the fake script-runner peer: script
 * {@code tagger} runs first, then {@code router} (outcomes allow / deny) before username and password.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestPrefix.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ScriptedDecisionJourneyTest {
    private static final String PATH = "/realms/nodes/authenticate?tree=scripted";
    private static final String UNAVAILABLE = "Sign-in is temporarily unavailable. Try again later.";

    @BeforeEach
    void scripts() {
        FakeScriptRunner.reset();
        FakeScriptRunner.outcome("tagger", "next", Map.of("risk", "low"));
    }

    private static ScriptCallback question(ScriptCallback.Kind kind, String id, String prompt, String... choices) {
        return ScriptCallback.newBuilder().setKind(kind).setId(id).setPrompt(prompt).addAllChoices(List.of(choices))
                .build();
    }

    /** router asks three questions and a message, then allows when the answers came back. */
    private static void routerAsksFirst() {
        FakeScriptRunner.script("router", request -> request.getAnswersCount() == 0
                ? FakeScriptRunner.asking(question(ScriptCallback.Kind.TEXT, "pet", "First pet?"),
                        question(ScriptCallback.Kind.CHOICE, "colour", "Colour?", "red", "blue"),
                        question(ScriptCallback.Kind.CONFIRMATION, "sure", "Sure?"),
                        question(ScriptCallback.Kind.MESSAGE, "note", "Nearly there"))
                : FakeScriptRunner.decided("allow", Map.of("answered", "yes")));
    }

    @Test
    void routerAllowThenLoginSucceeds() {
        FakeScriptRunner.outcome("router", "allow", Map.of());
        String first = start(PATH).then().statusCode(200).body("callbacks[0].type", equalTo("NameCallback"))
                .extract().asString();
        String second = post(PATH, fill(first, "dora")).then().statusCode(200).extract().asString();
        post(PATH, fill(second, "Explorer-2026")).then().statusCode(200).body("realm", equalTo("nodes"));
    }

    @Test
    void routerDenyFailsTheJourney() {
        FakeScriptRunner.outcome("router", "deny", Map.of());
        start(PATH).then().statusCode(401).body("message", equalTo("Login failure"));
    }

    @Test
    void statePatchOfOneScriptIsSeenByTheNextAndTheRequestIsPassedOn() {
        // Given router allows only when tagger's risk reached it
        FakeScriptRunner.script("router", request -> FakeScriptRunner.decided(
                "low".equals(request.getStateMap().get("risk")) ? "allow" : "deny", Map.of()));
        // When a journey starts through a trusted proxy (loopback) for 10.1.2.3, with a cookie
        given().contentType("application/json").header("X-Forwarded-For", "10.1.2.3")
                .header("Cookie", "arbor_session=not-for-scripts").header("Authorization", "Bearer nope")
                .body("").post(PATH).then().statusCode(200).body("callbacks[0].type", equalTo("NameCallback"));
        // Then router saw the patch, its config and the client's address, and never a cookie
        ExecuteRequest routed = FakeScriptRunner.callsOf("router").getFirst();
        assertEquals("low", routed.getStateMap().get("risk"));
        assertEquals("nodes", routed.getRealm());
        assertEquals(2, routed.getVersion());
        assertEquals(List.of("allow", "deny"), routed.getOutcomesList());
        assertEquals("10.1.2.3", routed.getClientIp());
        assertFalse(routed.getRequestHeadersMap().containsKey("cookie"));
        assertFalse(routed.getRequestHeadersMap().containsKey("authorization"));
        assertFalse(routed.toString().contains("not-for-scripts"));
    }

    @Test
    void scriptQuestionsAreOneStepAndTheAnswersReachTheScript() {
        routerAsksFirst();
        // When started Then the router's questions as one step
        String step = start(PATH).then().statusCode(200).extract().asString();
        JsonPath json = JsonPath.from(step);
        assertEquals("route", json.getString("stage"));
        assertEquals(List.of("TextInputCallback", "ChoiceCallback", "ConfirmationCallback", "TextOutputCallback"),
                json.getList("callbacks.type"));
        assertEquals("First pet?", json.getString("callbacks[0].output[0].value"));
        assertEquals(List.of("red", "blue"), json.getList("callbacks[1].output[1].value"));
        assertEquals("Nearly there", json.getString("callbacks[3].output[0].value"));
        // When answered Then router runs again with the answers, allows, and the journey goes on
        post(PATH, fill(step, "Rex", "1", "0")).then().statusCode(200)
                .body("callbacks[0].type", equalTo("NameCallback"));
        List<ExecuteRequest> calls = FakeScriptRunner.callsOf("router");
        assertEquals(2, calls.size());
        assertEquals(List.of("pet=Rex", "colour=blue", "sure=true"), calls.get(1).getAnswersList().stream()
                .map(a -> a.getId() + "=" + a.getValue()).toList());
        assertEquals("low", calls.get(1).getStateMap().get("risk"), "shared state survives the step");
    }

    @Test
    void answersThatDoNotMatchTheQuestionsAreABadRequest() {
        routerAsksFirst();
        String step = start(PATH).then().statusCode(200).extract().asString();
        post(PATH, fill(step, "Rex", "9", "0")).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void scriptErrorFailsClosedWithAClearMessageAndNoInternals() {
        for (ScriptResult.ErrorCode error : List.of(ScriptResult.ErrorCode.RUNTIME, ScriptResult.ErrorCode.TIMEOUT,
                ScriptResult.ErrorCode.LIMIT, ScriptResult.ErrorCode.INVALID_OUTCOME, ScriptResult.ErrorCode.NOT_FOUND)) {
            FakeScriptRunner.error("router", error);
            Response failed = start(PATH);
            failed.then().statusCode(503).contentType("application/json")
                    .body("code", equalTo(503)).body("reason", equalTo("Service Unavailable"))
                    .body("message", equalTo(UNAVAILABLE));
            assertFalse(failed.asString().contains("ReferenceError"), error.name());
            assertFalse(failed.asString().contains("router"), error.name());
        }
    }

    @Test
    void anUndeclaredOutcomeFailsClosed() {
        FakeScriptRunner.outcome("router", "success", Map.of());
        start(PATH).then().statusCode(503).body("message", equalTo(UNAVAILABLE));
    }

    @Test
    void scriptRunnerUnavailableIs503WithTheAmShapedBody() {
        FakeScriptRunner.unavailable("router");
        Response failed = start(PATH);
        failed.then().statusCode(503).contentType("application/json");
        assertEquals(Map.of("code", 503, "reason", "Service Unavailable", "message", UNAVAILABLE),
                failed.jsonPath().getMap(""));
    }

    @Test
    void aScriptRunnerSlowerThanTheDeadlineIs503() {
        // The slow answer is a valid outcome ("allow"): only the deadline (%test script-timeout PT1S) can
        // turn it into a 503, so the status alone proves the call was cut short.
        FakeScriptRunner.slow("router", Duration.ofMillis(3000));
        start(PATH).then().statusCode(503).body("message", equalTo(UNAVAILABLE));
    }

    @Test
    void unavailableMidJourneyEndsTheJourneySoItCannotBeContinued() {
        // Given a journey waiting at the router's questions
        routerAsksFirst();
        String step = start(PATH).then().statusCode(200).extract().asString();
        String answered = fill(step, "Rex", "0", "0");
        // When script-runner is down as the answers arrive Then 503
        FakeScriptRunner.unavailable("router");
        post(PATH, answered).then().statusCode(503).body("message", equalTo(UNAVAILABLE));
        // When it is back Then the same step is refused: the journey ended, no outcome was ever taken
        routerAsksFirst();
        post(PATH, answered).then().statusCode(401)
                .body("message", equalTo("Journey expired or already advanced"));
    }
}
