package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.ISSUER;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.SPA_REDIRECT;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.flowIdOf;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.query;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.spaRequest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.federation.support.Pkce;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class ResumeAuthorizationTest {

    private static String startFlow() {
        return flowIdOf(spaRequest().when().get("/realms/demo/oauth2/authorize").header("Location"));
    }

    private static Response resume(String flow, String sessionId) {
        var request = given().redirects().follow(false).queryParam("flow", flow);
        if (sessionId != null) {
            request = request.cookie("arbor_session", sessionId);
        }
        return request.when().get("/realms/demo/oauth2/authorize/resume");
    }

    @Test
    void resumeWithALiveSessionRedirectsToTheClientWithCodeStateAndIss() {
        String flow = startFlow();
        Session session = FakeSessionStore.aliceSession("demo", 0);

        Response response = resume(flow, session.getId());

        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?code="));
        Map<String, String> q = query(response.header("Location"));
        assertThat(q, allOf(hasKey("code"), hasEntry("state", "st-123"), hasEntry("iss", ISSUER)));
        IssueAuthorizationCodeRequest issued = FakeTokenService.LAST_CODE_REQUEST.get();
        assertThat(issued.getClientId(), is("test-spa"));
        assertThat(issued.getIssuer(), is(ISSUER));
        assertThat(issued.getRedirectUri(), is(SPA_REDIRECT));
        assertThat(issued.getCodeChallenge(), is(Pkce.CHALLENGE));
        assertThat(issued.getCodeChallengeMethod(), is("S256"));
        assertThat(issued.getNonce(), is("n-456"));
        assertThat(issued.getAuthentication().getSubject(), is("alice"));
        assertThat(issued.getAuthentication().getSessionId(), is(session.getSid()));
        assertThat(issued.getAuthentication().getSessionId(), org.hamcrest.Matchers.not(session.getId()));
        assertThat(issued.getAuthentication().getAuthTime(), is(session.getAuthTime()));
        assertThat(issued.getAuthentication().getClaimsMap(), allOf(hasEntry("name", "Alice Liddell"),
                hasEntry("email", "alice@example.com"), not(hasKey("phone_number"))));
    }

    @Test
    void aFlowCompletesOnlyOnce() {
        String flow = startFlow();
        Session session = FakeSessionStore.aliceSession("demo", 0);
        resume(flow, session.getId()).then().statusCode(303);

        resume(flow, session.getId()).then().statusCode(400).contentType(containsString("text/html"))
                .header("Location", nullValue());
    }

    @Test
    void resumeWithoutASessionGoesBackToTheLoginPageOfTheSameFlow() {
        String flow = startFlow();

        resume(flow, null).then().statusCode(303)
                .header("Location", is("http://localhost:8080/ui/login?realm=demo&flow=" + flow));
        resume(flow, "no-such-session").then().statusCode(303)
                .header("Location", is("http://localhost:8080/ui/login?realm=demo&flow=" + flow));
    }

    @Test
    void resumeOfAnUnknownFlowShowsAnErrorPage() {
        resume("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", FakeSessionStore.aliceSession("demo", 0).getId())
                .then().statusCode(400).contentType(containsString("text/html")).header("Location", nullValue());
        resume("<script>", null).then().statusCode(400).body(not(containsString("<script>")));
    }

    @Test
    void resumeInAnotherRealmIsRefused() {
        String flow = startFlow();

        given().redirects().follow(false).queryParam("flow", flow)
                .cookie("arbor_session", FakeSessionStore.aliceSession("admin", 0).getId())
                .when().get("/realms/admin/oauth2/authorize/resume")
                .then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void forcedLoginIsNotSatisfiedByASessionFromBeforeTheFlow() {
        String flow = flowIdOf(spaRequest(Map.of("prompt", "login"))
                .when().get("/realms/demo/oauth2/authorize").header("Location"));
        Session old = FakeSessionStore.aliceSession("demo", 3600);

        resume(flow, old.getId()).then().statusCode(303)
                .header("Location", startsWith("http://localhost:8080/ui/login?"));
        resume(flow, FakeSessionStore.aliceSession("demo", 0).getId()).then().statusCode(303)
                .header("Location", startsWith(SPA_REDIRECT + "?code="));
    }

    @Test
    void authorizeWithALiveSessionCookieSkipsTheLoginPage() {
        Session session = FakeSessionStore.aliceSession("demo", 60);

        Response response = spaRequest().cookie("arbor_session", session.getId())
                .when().get("/realms/demo/oauth2/authorize");

        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?code="));
        assertThat(query(response.header("Location")), allOf(hasEntry("state", "st-123"), hasEntry("iss", ISSUER)));
    }

    @Test
    void authorizeWithPromptLoginIgnoresTheSessionCookie() {
        Session session = FakeSessionStore.aliceSession("demo", 60);

        spaRequest(Map.of("prompt", "login")).cookie("arbor_session", session.getId())
                .when().get("/realms/demo/oauth2/authorize")
                .then().statusCode(303).header("Location", startsWith("http://localhost:8080/ui/login?"));
    }

    @Test
    void promptNoneWithoutASessionIsLoginRequired() {
        Response response = spaRequest(Map.of("prompt", "none")).when().get("/realms/demo/oauth2/authorize");

        assertThat(query(response.header("Location")), allOf(hasEntry("error", "login_required"),
                hasEntry("state", "st-123"), hasEntry("iss", ISSUER)));
    }
}
