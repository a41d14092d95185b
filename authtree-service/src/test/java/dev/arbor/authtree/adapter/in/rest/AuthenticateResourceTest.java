package dev.arbor.authtree.adapter.in.rest;

import static dev.arbor.authtree.adapter.in.rest.JourneyClient.fill;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.login;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.post;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.start;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.fake.FakeFederation;
import dev.arbor.authtree.fake.FakeSessionStore;
import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.grpc.GrpcService;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthenticateResourceTest {
    private static final String PATH = "/realms/test/authenticate";
    private static final String FLOW_PATH = PATH + "?flow=" + FakeFederation.FLOW;
    private static final String PASSWORD = "Wonderland-2026";

    @Inject
    @GrpcService
    FakeSessionStore sessionStore;

    @Test
    void firstStepAsksForTheUsernameInForgeRockShape() {
        start(FLOW_PATH).then().statusCode(200)
                .contentType("application/json")
                .body("authId", startsWith("ey"))
                .body("header", equalTo("Sign In"))
                .body("description", equalTo(""))
                .body("stage", equalTo("username"))
                .body("callbacks[0].type", equalTo("NameCallback"))
                .body("callbacks[0].output[0].name", equalTo("prompt"))
                .body("callbacks[0].output[0].value", equalTo("User Name"))
                .body("callbacks[0].input[0].name", equalTo("IDToken1"))
                .body("callbacks[0].input[0].value", equalTo(""))
                .body("callbacks[0]._id", equalTo(0));
    }

    @Test
    void fullJourneyWithFlowSetsSessionCookieAndSucceedsToTheFlowsResumeUrl() {
        String first = start(FLOW_PATH).then().statusCode(200).extract().asString();
        String second = post(FLOW_PATH, fill(first, "alice")).then().statusCode(200)
                .body("stage", equalTo("password"))
                .body("callbacks[0].type", equalTo("PasswordCallback"))
                .extract().asString();

        Response done = post(FLOW_PATH, fill(second, PASSWORD));

        done.then().statusCode(200)
                .body("successUrl", equalTo(FakeFederation.RESUME_URL))
                .body("realm", equalTo("test"))
                .body("authId", equalTo(null))
                .body("tokenId", equalTo(null));
        String cookie = done.header("Set-Cookie");
        assertTrue(cookie.matches("arbor_session=[0-9a-f-]{36}; Path=/; HttpOnly; SameSite=Lax"), cookie);
        String sessionId = cookie.substring("arbor_session=".length(), cookie.indexOf(';'));
        var session = sessionStore.session(sessionId).orElseThrow();
        assertEquals("login", session.getAcr());
        assertEquals(List.of("pwd"), session.getAmrList());
        assertEquals(8 * 3600, session.getExpiresAt() - session.getAuthTime());
    }

    @Test
    void journeyWithoutFlowSucceedsToTheUi() {
        login(PATH, "alice", PASSWORD).then().statusCode(200)
                .body("successUrl", equalTo("http://localhost:8080/ui/"));
    }

    @Test
    void wrongPasswordAndUnknownUserGiveByteIdenticalFailures() {
        Response wrongPassword = login(PATH, "alice", "not-her-password");
        Response unknownUser = login(PATH, "mallory", PASSWORD);

        wrongPassword.then().statusCode(401);
        unknownUser.then().statusCode(401);
        assertEquals("{\"code\":401,\"reason\":\"Unauthorized\",\"message\":\"Login failure\"}", wrongPassword.asString());
        assertEquals(wrongPassword.asString(), unknownUser.asString());
        assertEquals(null, wrongPassword.header("Set-Cookie"));
    }

    @Test
    void replayingAnEarlierStepIsRefusedAsExpired() {
        String first = start(PATH).then().statusCode(200).extract().asString();
        String answered = fill(first, "alice");
        post(PATH, answered).then().statusCode(200);

        post(PATH, answered).then().statusCode(401)
                .body("code", equalTo(401))
                .body("reason", equalTo("Unauthorized"))
                .body("message", equalTo("Journey expired or already advanced"));
    }

    @Test
    void replayingTheFinalStepAfterSuccessIsRefused() {
        String first = start(PATH).then().statusCode(200).extract().asString();
        String second = post(PATH, fill(first, "alice")).then().statusCode(200).extract().asString();
        String last = fill(second, PASSWORD);
        post(PATH, last).then().statusCode(200);

        post(PATH, last).then().statusCode(401).body("message", equalTo("Journey expired or already advanced"));
    }

    @Test
    void tamperedAuthIdIsRefused() {
        String first = start(PATH).then().statusCode(200).extract().asString();
        String authId = JsonPath.from(first).getString("authId");
        char last = authId.charAt(authId.length() - 2);
        String tampered = authId.substring(0, authId.length() - 2) + (last == 'A' ? 'B' : 'A') + authId.charAt(authId.length() - 1);

        post(PATH, fill(first, "alice").replace(authId, tampered)).then().statusCode(401)
                .body("message", equalTo("Journey expired or already advanced"));
    }

    @Test
    void authIdPostedToAnotherRealmIsRefused() {
        String first = start(PATH).then().statusCode(200).extract().asString();
        post("/realms/second/authenticate", fill(first, "alice")).then().statusCode(401)
                .body("message", equalTo("Journey expired or already advanced"));
    }

    @Test
    void realmWithoutDefaultTreeIsNotFoundProblem() {
        start("/realms/second/authenticate").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void thePasswordIsNeverInTheStoredJourneyState() {
        int before = sessionStore.writes().size();
        login(FLOW_PATH, "alice", PASSWORD).then().statusCode(200);
        login(PATH, "alice", "Another-Secret-123").then().statusCode(401);

        List<byte[]> writes = sessionStore.writes().subList(before, sessionStore.writes().size());
        assertTrue(writes.size() >= 6, "every step and every terminal claim is a CAS write");
        for (byte[] state : writes) {
            String text = new String(state, StandardCharsets.UTF_8);
            assertFalse(text.contains(PASSWORD), text);
            assertFalse(text.contains("Another-Secret-123"), text);
            assertFalse(text.contains("password\":"), text);
        }
    }

    @Test
    void transientPasswordDoesNotSurviveAStepSoAPasswordFirstTreeFails() {
        String path = PATH + "?flow=" + FakeFederation.PASSWORD_FIRST_FLOW;
        String first = start(path).then().statusCode(200).body("stage", equalTo("password")).extract().asString();
        String second = post(path, fill(first, PASSWORD)).then().statusCode(200).extract().asString();

        post(path, fill(second, "alice")).then().statusCode(401).body("message", equalTo("Login failure"));
    }

    @Test
    void treeQueryParameterSelectsTheTree() {
        start(PATH + "?tree=password-first").then().statusCode(200).body("stage", equalTo("password"));
    }

    @Test
    void unknownTreeIsNotFoundProblem() {
        start(PATH + "?tree=nope").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void unknownRealmIsNotFoundProblem() {
        start("/realms/nowhere/authenticate").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404));
    }

    @Test
    void unknownFlowIsBadRequestProblem() {
        start(PATH + "?flow=no-such-flow").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @Test
    void malformedJsonBodyIsBadRequestProblemWithoutParserDetail() {
        String body = post(PATH, "{\"authId\": \"abc\", callbacks: [").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .extract().asString();
        assertFalse(body.contains("Exception"), body);
        assertFalse(body.contains("line:"), body);
    }

    @Test
    void nonObjectBodyIsBadRequest() {
        post(PATH, "[1,2]").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void stepWithoutItsInputIsBadRequestAndTheStepStaysUsable() {
        String first = start(PATH).then().statusCode(200).extract().asString();
        String withoutInput = first.replaceFirst("\"input\":\\[[^\\]]*\\]", "\"input\":[]");

        post(PATH, withoutInput).then().statusCode(400).contentType("application/problem+json");
        post(PATH, fill(first, "alice")).then().statusCode(200).body("stage", equalTo("password"));
    }

    @Test
    void stepWithoutCallbacksIsBadRequest() {
        String first = start(PATH).then().statusCode(200).extract().asString();
        String authId = JsonPath.from(first).getString("authId");

        post(PATH, "{\"authId\":\"" + authId + "\"}").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void readinessReportsEachGrpcPeer() {
        io.restassured.RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'grpc-peers' }.data.'session-store'", equalTo("SERVING"))
                .body("checks.find { it.name == 'grpc-peers' }.data.federation", equalTo("SERVING"));
    }
}
