package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.ISSUER;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.SPA_REDIRECT;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.flowIdOf;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.query;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.spaRequest;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import dev.arbor.contracts.federation.v1.GetLoginFlowRequest;
import dev.arbor.contracts.federation.v1.GetLoginFlowResponse;
import dev.arbor.contracts.federation.v1.LoginFlowService;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.federation.support.TestKeys;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.Test;

/** OIDC Core §3.1.2.1: prompt, max_age, login_hint, ui_locales and id_token_hint at the authorization endpoint. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class AuthorizationPromptTest {
    private static final String LOGIN_PAGE = "http://localhost:8080/ui/login?realm=demo&flow=";

    @GrpcClient("federation")
    LoginFlowService federation;

    private static Response authorize(Map<String, String> overrides, Session session) {
        var request = spaRequest(overrides);
        if (session != null) {
            request = request.cookie("arbor_session", session.getId());
        }
        return request.when().get("/realms/demo/oauth2/authorize");
    }

    private GetLoginFlowResponse flowOf(Response loginRedirect) {
        return federation.getLoginFlow(GetLoginFlowRequest.newBuilder().setRealm("demo")
                .setFlowId(flowIdOf(loginRedirect.header("Location"))).build()).await().atMost(Duration.ofSeconds(5));
    }

    /** An ID token of {@code subject} for test-spa, as token-service signs them (typ JWT). */
    private static TestTokens idToken(String subject) {
        return TestTokens.accessToken().type("JWT").subject(subject).clientId("test-spa");
    }

    @Test
    void selectAccountForcesALoginLikePromptLogin() {
        Response response = authorize(Map.of("prompt", "select_account"), FakeSessionStore.aliceSession("demo", 5));

        response.then().statusCode(303).header("Location", startsWith(LOGIN_PAGE));
        assertThat(flowOf(response).getForceLogin(), is(true));
    }

    @Test
    void consentIsAcceptedAndTheJourneyRuns() {
        Response response = authorize(Map.of("prompt", "consent"), null);

        response.then().statusCode(303).header("Location", startsWith(LOGIN_PAGE));
        assertThat(flowOf(response).getFound(), is(true));
    }

    @Test
    void promptNoneWithAnotherValueIsInvalidRequest() {
        Response response = authorize(Map.of("prompt", "none login"), null);

        assertThat(query(response.header("Location")), allOf(hasEntry("error", "invalid_request"), hasEntry("iss", ISSUER)));
    }

    @Test
    void unknownPromptValueIsInvalidRequest() {
        assertThat(query(authorize(Map.of("prompt", "maybe"), null).header("Location")),
                hasEntry("error", "invalid_request"));
    }

    @Test
    void maxAgeZeroIsLikePromptLoginEvenWithAFreshSession() {
        Response response = authorize(Map.of("max_age", "0"), FakeSessionStore.aliceSession("demo", 0));

        response.then().statusCode(303).header("Location", startsWith(LOGIN_PAGE));
        assertThat(flowOf(response).getForceLogin(), is(true));
    }

    @Test
    void maxAgeSatisfiedBySessionIssuesACodeWithTheSessionsAuthTime() {
        Session session = FakeSessionStore.aliceSession("demo", 10);

        Response response = authorize(Map.of("max_age", "3600"), session);

        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?code="));
        // token-service puts auth_time in every ID token whose authentication carries it (OIDC Core §3.1.2.1)
        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getAuthTime(), is(session.getAuthTime()));
    }

    @Test
    void sessionOlderThanMaxAgeSendsTheBrowserToAForcedLogin() {
        Response response = authorize(Map.of("max_age", "60"), FakeSessionStore.aliceSession("demo", 600));

        response.then().statusCode(303).header("Location", startsWith(LOGIN_PAGE));
        assertThat(flowOf(response).getForceLogin(), is(true));
    }

    @Test
    void promptNoneWithASessionOlderThanMaxAgeIsLoginRequired() {
        Response response = authorize(Map.of("prompt", "none", "max_age", "60"), FakeSessionStore.aliceSession("demo", 600));

        assertThat(query(response.header("Location")), allOf(hasEntry("error", "login_required"),
                hasEntry("state", "st-123"), hasEntry("iss", ISSUER)));
    }

    @Test
    void malformedMaxAgeIsInvalidRequest() {
        assertThat(query(authorize(Map.of("max_age", "-1"), null).header("Location")), hasEntry("error", "invalid_request"));
        assertThat(query(authorize(Map.of("max_age", "1e3"), null).header("Location")), hasEntry("error", "invalid_request"));
    }

    @Test
    void loginHintAndUiLocalesReachTheLoginFlowAndUiLocalesTheLoginPage() {
        Response response = authorize(Map.of("login_hint", "alice@example.com", "ui_locales", "de-CH fr"), null);

        response.then().statusCode(303).header("Location", endsWith("&ui_locales=de-CH+fr"));
        GetLoginFlowResponse flow = federation.getLoginFlow(GetLoginFlowRequest.newBuilder().setRealm("demo")
                .setFlowId(query(response.header("Location")).get("flow")).build()).await().atMost(Duration.ofSeconds(5));
        assertThat(flow.getLoginHint(), is("alice@example.com"));
        assertThat(flow.getUiLocales(), is("de-CH fr"));
    }

    @Test
    void withoutHintsTheLoginFlowHasEmptyHints() {
        GetLoginFlowResponse flow = flowOf(authorize(Map.of(), null));

        assertThat(flow.getLoginHint(), is(""));
        assertThat(flow.getUiLocales(), is(""));
    }

    @Test
    void promptNoneWithAnIdTokenHintOfTheSessionUserSucceedsEvenWhenTheHintExpired() {
        Session session = FakeSessionStore.aliceSession("demo", 5);

        Response response = authorize(Map.of("prompt", "none", "id_token_hint",
                idToken("alice").expiresIn(-3600).build()), session);

        response.then().statusCode(303);
        assertThat(query(response.header("Location")), allOf(hasKey("code"), hasEntry("state", "st-123")));
    }

    @Test
    void promptNoneWithAnIdTokenHintOfAnotherUserIsLoginRequired() {
        Response response = authorize(Map.of("prompt", "none", "id_token_hint", idToken("bob").build()),
                FakeSessionStore.aliceSession("demo", 5));

        assertThat(query(response.header("Location")), allOf(hasEntry("error", "login_required"), hasEntry("iss", ISSUER)));
    }

    @Test
    void idTokenHintOfAnotherUserWithoutPromptNoneSendsTheBrowserToLogin() {
        authorize(Map.of("id_token_hint", idToken("bob").build()), FakeSessionStore.aliceSession("demo", 5))
                .then().statusCode(303).header("Location", startsWith(LOGIN_PAGE));
    }

    @Test
    void forgedUnsignedOrForeignIdTokenHintsAreInvalidRequest() {
        Session session = FakeSessionStore.aliceSession("demo", 5);
        for (String hint : new String[] {
                idToken("alice").signedWith(TestKeys.FORGED_SAME_KID).build(),
                idToken("alice").signedWith(null, TestKeys.SIGNING.getKeyId(), AlgorithmIdentifiers.NONE).build(),
                idToken("alice").type("at+jwt").build(),
                idToken("alice").clientId("test-rp").build(),
                idToken("alice").issuer(TestTokens.issuerOf("admin")).build(),
                "not-a-jwt"}) {
            Response response = authorize(Map.of("prompt", "none", "id_token_hint", hint), session);

            assertThat(hint, query(response.header("Location")), allOf(hasEntry("error", "invalid_request"),
                    hasEntry("iss", ISSUER)));
        }
    }
}
