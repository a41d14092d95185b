package dev.arbor.authtree.adapter.in.rest;

import static dev.arbor.authtree.adapter.in.rest.JourneyClient.fill;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.post;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** ChoiceCollector, TextOutput and RetryLimitDecision through the journey API, and its bad inputs. */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NodeJourneyTest {
    private static final String CHOICE = "/realms/test/authenticate?tree=choice";
    private static final String LOGIN = "/realms/test/authenticate";

    @Test
    void choiceCallbackListsTheChoicesAndTheChosenOutcomeLeadsOn() {
        String pick = start(CHOICE).then().statusCode(200)
                .body("stage", equalTo("pick"))
                .body("callbacks[0].type", equalTo("ChoiceCallback"))
                .body("callbacks[0].output[0].value", equalTo("How do you want to sign in?"))
                .body("callbacks[0].output[1].name", equalTo("choices"))
                .body("callbacks[0].output[1].value", hasItems("password", "help"))
                .body("callbacks[0].output[2].value", equalTo(0))
                .extract().asString();
        post(CHOICE, fill(pick, "0")).then().statusCode(200)
                .body("stage", equalTo("username"))
                .body("callbacks[0].type", equalTo("NameCallback"));
    }

    @Test
    void textOutputHasNoInputAndTheRetryLimitEndsTheLoop() {
        String pick = start(CHOICE).then().statusCode(200).extract().asString();
        String notice = post(CHOICE, fill(pick, "1")).then().statusCode(200)
                .body("stage", equalTo("notice"))
                .body("callbacks[0].type", equalTo("TextOutputCallback"))
                .body("callbacks[0].output[0].value", equalTo("Welcome"))
                .body("callbacks[0].input", emptyIterable())
                .extract().asString();
        // notice → retry (1 of 2) → pick again
        String again = post(CHOICE, notice).then().statusCode(200).body("stage", equalTo("pick")).extract().asString();
        String notice2 = post(CHOICE, fill(again, "1")).then().statusCode(200).extract().asString();
        String third = post(CHOICE, notice2).then().statusCode(200).body("stage", equalTo("pick")).extract().asString();
        String notice3 = post(CHOICE, fill(third, "1")).then().statusCode(200).extract().asString();
        // the third pass through the guard is rejected: failure
        post(CHOICE, notice3).then().statusCode(401).body("message", equalTo("Login failure"));
    }

    @Test
    void choiceIndexOutOfRangeIsA400ProblemAndTheStepStillStands() {
        String pick = start(CHOICE).then().statusCode(200).extract().asString();
        post(CHOICE, fill(pick, "7")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        post(CHOICE, fill(pick, "0")).then().statusCode(200).body("stage", equalTo("username"));
    }

    @Test
    void callbackOfTheWrongTypeIsA400ProblemNot500() {
        String step = start(LOGIN).then().statusCode(200).extract().asString();
        String wrongType = step.replace("NameCallback", "PasswordCallback");
        post(LOGIN, fill(wrongType, "alice")).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void missingCallbacksAreA400ProblemNot500() {
        String step = start(LOGIN).then().statusCode(200).extract().asString();
        String authId = io.restassured.path.json.JsonPath.from(step).getString("authId");
        post(LOGIN, "{\"authId\":\"" + authId + "\",\"callbacks\":[{\"type\":\"NameCallback\"}]}")
                .then().statusCode(400).contentType("application/problem+json");
        post(LOGIN, "{\"authId\":\"" + authId + "\",\"callbacks\":\"nope\"}")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        given().contentType("text/plain").body("{\"authId\":\"x\"}").post(LOGIN).then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
        given().contentType("application/x-www-form-urlencoded").body("authId=x").post(LOGIN).then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void bodyOver64KiBIsA413Problem() {
        String big = "{\"authId\":\"" + "a".repeat(64 * 1024) + "\"}";
        post(LOGIN, big).then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void tenMegabyteBodyIsA413ProblemNot500() {
        String huge = "{\"authId\":\"" + "a".repeat(10_000_000) + "\"}";
        post(LOGIN, huge).then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void pageAsksForUsernameAndPasswordInOneStepAndLogsIn() {
        String path = "/realms/test/authenticate?tree=page";
        String step = start(path).then().statusCode(200)
                .body("stage", equalTo("credentials"))
                .body("callbacks[0].type", equalTo("NameCallback"))
                .body("callbacks[1].type", equalTo("PasswordCallback"))
                .body("callbacks[1].input[0].name", equalTo("IDToken2"))
                .extract().asString();
        post(path, fill(step, "alice", "Wonderland-2026")).then().statusCode(200)
                .body("realm", equalTo("test"));
    }
}
