package dev.arbor.scriptrunner.adapter.in.rest.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.contracts.scriptrunner.v1.ExecuteRequest;
import dev.arbor.contracts.scriptrunner.v1.ScriptResult;
import dev.arbor.contracts.scriptrunner.v1.ScriptRunnerGrpc;
import dev.arbor.scriptrunner.fake.FakeTokenService;
import dev.arbor.testing.AdminTokens;
import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The script admin API against real PostgreSQL and the real sandbox; token-service is a fake gRPC peer. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
class AdminScriptsResourceTest {
    static final String SCRIPTS = "/admin/realms/admin-it/scripts";
    static final String SECRET = "admin-it-secret-value-9f3a";

    @GrpcClient("script-runner")
    ScriptRunnerGrpc.ScriptRunnerBlockingStub runner;

    static RequestSpecification admin() {
        return given().header("Authorization", AdminTokens.bearer());
    }

    static String body(String name, String source, String outcomes) {
        return "{\"name\":\"" + name + "\",\"source\":" + json(source) + ",\"outcomes\":" + outcomes
                + ",\"description\":\"test script\"}";
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static void create(String name, String source) {
        admin().contentType("application/json").body(body(name, source, "[\"allow\",\"deny\"]"))
                .post(SCRIPTS).then().statusCode(201);
    }

    @Test
    void withoutATokenIs401ProblemWithABearerChallenge() {
        given().get(SCRIPTS).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        given().contentType("application/json").body("{not json").post(SCRIPTS).then().statusCode(401);
    }

    @Test
    void forgedExpiredOrForeignRealmTokensAre401InvalidToken() {
        for (String token : new String[] {
                AdminTokens.token().signedWith(AdminTokens.FORGED).build(),
                AdminTokens.token().expiresIn(-120).build(),
                AdminTokens.token().issuer("http://localhost:8080/realms/admin-it").build(),
                "not-a-jwt", "a.b.c"}) {
            given().header("Authorization", "Bearer " + token).get(SCRIPTS).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""));
        }
    }

    @Test
    void jwksIsCachedAndUnknownKeyIdsDoNotMakeEveryRequestRefetchIt() {
        admin().get(SCRIPTS).then().statusCode(200);
        int before = FakeTokenService.JWKS_CALLS.get();

        for (int i = 0; i < 5; i++) {
            admin().get(SCRIPTS).then().statusCode(200);
            given().header("Authorization", "Bearer " + AdminTokens.token().signedWith(AdminTokens.UNKNOWN_KID).build())
                    .get(SCRIPTS).then().statusCode(401);
        }

        assertEquals(true, FakeTokenService.JWKS_CALLS.get() - before <= 1,
                "JWKS calls: " + (FakeTokenService.JWKS_CALLS.get() - before));
    }

    @Test
    void validTokenWithoutTheAdminScopeIs403() {
        given().header("Authorization", "Bearer " + AdminTokens.token().scope("openid").build())
                .get(SCRIPTS).then().statusCode(403)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("insufficient_scope"));
    }

    @Test
    void createGetUpdatePublishAndExecuteTheLatestPublished() {
        create("lifecycle", "action.goTo('allow');");

        admin().get(SCRIPTS).then().statusCode(200)
                .body("scripts.find { it.name == 'lifecycle' }.latestVersion", equalTo(1))
                .body("scripts.find { it.name == 'lifecycle' }.publishedVersion", nullValue())
                .body("scripts.find { it.name == 'lifecycle' }.hasDraft", equalTo(true));
        admin().get(SCRIPTS + "/lifecycle").then().statusCode(200)
                .body("version", equalTo(1)).body("status", equalTo("draft"))
                .body("description", equalTo("test script"));

        admin().contentType("application/json").body("{\"source\":\"action.goTo('deny');\",\"outcomes\":[\"allow\",\"deny\"]}")
                .put(SCRIPTS + "/lifecycle").then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("draft"));
        admin().get(SCRIPTS + "/lifecycle?version=1").then().statusCode(200)
                .body("source", equalTo("action.goTo('allow');"));
        assertEquals(ScriptResult.ErrorCode.NOT_FOUND, execute("lifecycle", 0).getError(), "a draft never runs as latest");

        admin().post(SCRIPTS + "/lifecycle/publish").then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("published"));

        ScriptResult latest = execute("lifecycle", 0);
        assertEquals("deny", latest.getOutcome());
        assertEquals(2, latest.getVersion());
        admin().post(SCRIPTS + "/lifecycle/publish").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("immutable"));
        admin().get(SCRIPTS).then().body("scripts.find { it.name == 'lifecycle' }.publishedVersion", equalTo(2));
    }

    @Test
    void publishingAnOlderDraftByVersionLeavesTheNewerOneADraft() {
        create("pick", "action.goTo('allow');");
        admin().contentType("application/json").body("{\"source\":\"action.goTo('deny');\",\"outcomes\":[\"allow\",\"deny\"]}")
                .put(SCRIPTS + "/pick").then().statusCode(200);

        admin().post(SCRIPTS + "/pick/publish?version=1").then().statusCode(200).body("version", equalTo(1));

        admin().get(SCRIPTS + "/pick?version=2").then().body("status", equalTo("draft"));
        assertEquals("allow", execute("pick", 0).getOutcome());
    }

    @Test
    void createTwiceIs409AndUnknownScriptIs404() {
        create("twice", "action.goTo('allow');");

        admin().contentType("application/json").body(body("twice", "action.goTo('allow');", "[\"allow\"]"))
                .post(SCRIPTS).then().statusCode(409).contentType("application/problem+json");
        admin().get(SCRIPTS + "/nope").then().statusCode(404).contentType("application/problem+json");
        admin().get(SCRIPTS + "/twice?version=7").then().statusCode(404);
        admin().contentType("application/json").body("{\"source\":\"x;\",\"outcomes\":[\"a\"]}")
                .put(SCRIPTS + "/nope").then().statusCode(404);
        admin().post(SCRIPTS + "/nope/publish").then().statusCode(404);
    }

    @Test
    void deleteRemovesADraftOnlyScriptAndRefusesAPublishedOne() {
        create("drafty", "action.goTo('allow');");
        create("live", "action.goTo('allow');");
        admin().post(SCRIPTS + "/live/publish").then().statusCode(200);

        admin().delete(SCRIPTS + "/drafty").then().statusCode(204);
        admin().delete(SCRIPTS + "/live").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("published"));

        admin().get(SCRIPTS + "/drafty").then().statusCode(404);
        admin().get(SCRIPTS + "/live").then().statusCode(200);
        admin().delete(SCRIPTS + "/drafty").then().statusCode(404);
    }

    @Test
    void sourceThatDoesNotParseIs400WithLineAndColumn() {
        admin().contentType("application/json").body(body("broken", "const a = 1;\nconst b = ;", "[\"allow\"]"))
                .post(SCRIPTS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("line", equalTo(2)).body("column", greaterThan(9))
                .body("detail", startsWith("source does not parse"));
        admin().contentType("application/json").body(body("broken", "}); let leak = []; (function () {", "[\"allow\"]"))
                .post(SCRIPTS).then().statusCode(400).body("detail", containsString("complete statements"));
        admin().get(SCRIPTS + "/broken").then().statusCode(404);
    }

    @Test
    void badBodiesAreSpecShaped4xx() {
        admin().contentType("application/json").body(body("o1", "x;", "[]")).post(SCRIPTS).then().statusCode(400)
                .body("detail", containsString("at least one outcome"));
        admin().contentType("application/json").body(body("o2", "x;", "[\"not an id\"]")).post(SCRIPTS).then()
                .statusCode(400).body("detail", containsString("identifier"));
        admin().contentType("application/json").body(body("o3", "x;", "[\"a\",\"a\"]")).post(SCRIPTS).then()
                .statusCode(400).body("detail", containsString("distinct"));
        admin().contentType("application/json").body(body("bad name!", "x;", "[\"a\"]")).post(SCRIPTS).then()
                .statusCode(400).body("detail", startsWith("name must be"));
        admin().contentType("application/json").body("{\"name\":\"x\",\"outcomes\":[\"a\"]}").post(SCRIPTS).then()
                .statusCode(400).body("detail", equalTo("source is required"));
        admin().contentType("application/json").body("{\"name\":").post(SCRIPTS).then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("the body is not the expected JSON"));
        admin().contentType("application/json").body("{\"name\":\"x\",\"surprise\":1}").post(SCRIPTS).then()
                .statusCode(400);
        admin().contentType("application/json").body(body("big", "//" + "x".repeat(70_000), "[\"a\"]"))
                .post(SCRIPTS).then().statusCode(413).contentType("application/problem+json");
        admin().contentType("text/plain").body("action.goTo('a')").post(SCRIPTS).then().statusCode(415)
                .contentType("application/problem+json");
        admin().get(SCRIPTS + "/x?version=abc").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void testRunUsesStateRequestAndAnswersAndReportsEverything() {
        create("tried", """
                log.info("ua", request.headers["user-agent"], "from", request.clientIp);
                const ok = callbacks.answer("ok");
                if (ok === null) {
                  callbacks.confirm("ok", "Continue as " + state.get("user") + "?");
                } else {
                  state.put("answered", ok);
                  action.goTo(ok === "true" ? "allow" : "deny");
                }
                """);

        admin().contentType("application/json").body("{\"state\":{\"user\":\"ann\"},"
                        + "\"request\":{\"headers\":{\"user-agent\":\"curl/8\"},\"clientIp\":\"203.0.113.5\",\"locale\":\"en\"}}")
                .post(SCRIPTS + "/tried/test").then().statusCode(200)
                .body("outcome", nullValue()).body("error", nullValue())
                .body("callbacks[0].kind", equalTo("confirmation"))
                .body("callbacks[0].prompt", equalTo("Continue as ann?"))
                .body("logs[0].message", equalTo("ua curl/8 from 203.0.113.5"))
                .body("durationMicros", greaterThan(0));
        admin().contentType("application/json").body("{\"version\":1,\"answers\":{\"ok\":\"true\"}}")
                .post(SCRIPTS + "/tried/test").then().statusCode(200)
                .body("outcome", equalTo("allow")).body("statePatch.answered", equalTo("true"))
                .body("callbacks.size()", equalTo(0));
    }

    @Test
    void testRunReportsErrorsAndInvalidOutcomesAndNeverASecret() {
        create("leaky", """
                log.info("key is", secrets.get("apiKey"));
                state.put("copy", secrets.get("apiKey"));
                throw new Error("boom " + secrets.get("apiKey"));
                """);
        create("wrong", "action.goTo('maybe');");

        String leaky = admin().contentType("application/json").body("{}").post(SCRIPTS + "/leaky/test").then()
                .statusCode(200).body("error", equalTo("RUNTIME"))
                .body("logs[0].message", equalTo("key is [redacted]"))
                .body("statePatch.copy", equalTo("[redacted]"))
                .extract().asString();
        admin().post(SCRIPTS + "/wrong/test").then().statusCode(200)
                .body("error", equalTo("INVALID_OUTCOME")).body("message", containsString("maybe"));
        admin().contentType("text/plain").body("{}").post(SCRIPTS + "/wrong/test").then().statusCode(415)
                .contentType("application/problem+json");
        admin().contentType("application/json").body("{\"state\":{\"a\":null}}").post(SCRIPTS + "/wrong/test")
                .then().statusCode(400).contentType("application/problem+json");

        assertEquals(false, leaky.contains(SECRET), leaky);
    }

    @Test
    void executeOverGrpcPassesRequestAndAnswersAndReturnsCallbacks() {
        create("asker", """
                const nick = callbacks.answer("nick");
                if (nick === null) {
                  callbacks.text("nick", "Nickname (" + request.locale + ")?");
                  callbacks.choice("tier", "Tier?", ["gold", "silver"]);
                } else {
                  state.put("nick", nick + "@" + request.header("X-Forwarded-Host"));
                  action.goTo("allow");
                }
                """);
        admin().post(SCRIPTS + "/asker/publish").then().statusCode(200);

        ScriptResult asked = runner.execute(ExecuteRequest.newBuilder().setRealm("admin-it").setName("asker")
                .setLocale("fr").build());
        ScriptResult decided = runner.execute(ExecuteRequest.newBuilder().setRealm("admin-it").setName("asker")
                .putRequestHeaders("x-forwarded-host", "id.example.com")
                .addAnswers(dev.arbor.contracts.scriptrunner.v1.ScriptCallback.newBuilder().setId("nick").setValue("ann"))
                .build());

        assertEquals(ScriptResult.ErrorCode.ERROR_CODE_UNSPECIFIED, asked.getError(), asked.toString());
        assertEquals("", asked.getOutcome());
        assertEquals(2, asked.getCallbacksCount());
        assertEquals(dev.arbor.contracts.scriptrunner.v1.ScriptCallback.Kind.TEXT, asked.getCallbacks(0).getKind());
        assertEquals("Nickname (fr)?", asked.getCallbacks(0).getPrompt());
        assertEquals(java.util.List.of("gold", "silver"), asked.getCallbacks(1).getChoicesList());
        assertEquals("allow", decided.getOutcome(), decided.toString());
        assertEquals(Map.of("nick", "ann@id.example.com"), decided.getStatePatchMap());
    }

    private ScriptResult execute(String name, int version) {
        return runner.execute(ExecuteRequest.newBuilder().setRealm("admin-it").setName(name).setVersion(version).build());
    }

}
