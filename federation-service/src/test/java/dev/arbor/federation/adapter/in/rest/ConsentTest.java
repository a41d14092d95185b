package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.ISSUER;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.query;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.federation.support.Pkce;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Consent (docs/guides/consent.md): client test-consent-spa requires it. Each test signs in a user of its own
 * ({@code alice+<uuid>}, whom the fake identity service knows as alice), so remembered grants never leak
 * between tests.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class ConsentTest {
    private static final String REDIRECT = "http://localhost:9999/consent/callback";
    private static final String CONSENT_PAGE = "http://localhost:8080/ui/consent?realm=demo&flow=";

    private static Session newUser() {
        return FakeSessionStore.sessionOf("demo", "alice+" + UUID.randomUUID());
    }

    private static Response authorize(Session session, Map<String, String> overrides) {
        Map<String, String> params = new LinkedHashMap<>(Map.of("response_type", "code", "client_id",
                "test-consent-spa", "redirect_uri", REDIRECT, "scope", "openid profile", "state", "st-c",
                "nonce", "n-c", "code_challenge", Pkce.CHALLENGE, "code_challenge_method", "S256"));
        params.putAll(overrides);
        return given().redirects().follow(false).queryParams(params).cookie("arbor_session", session.getId())
                .when().get("/realms/demo/oauth2/authorize");
    }

    /** The flow id of a redirect to the consent page; fails if it is not one. */
    private static String consentFlowOf(Response response) {
        response.then().statusCode(303).header("Location", startsWith(CONSENT_PAGE));
        return response.header("Location").substring(CONSENT_PAGE.length());
    }

    private static RequestSpecification api(Session session) {
        return given().header("X-Arbor-Client", "default-ui").cookie("arbor_session", session.getId());
    }

    private static Response decide(Session session, String flow, String decision, boolean remember) {
        return api(session).contentType("application/json")
                .body("{\"decision\":\"" + decision + "\",\"remember\":" + remember + "}")
                .when().post("/realms/demo/consent/" + flow);
    }

    /** Follows a public URL of the suite on this test server. */
    private static Response resume(Session session, String location) {
        assertThat(location, startsWith(TestTokens.PUBLIC_URL + "/"));
        return given().redirects().follow(false).urlEncodingEnabled(false).cookie("arbor_session", session.getId())
                .when().get(location.substring(TestTokens.PUBLIC_URL.length()));
    }

    /** Allow (and maybe remember), then follow the answer to the client; returns the client's redirect. */
    private static Response allow(Session session, String flow, boolean remember) {
        String location = decide(session, flow, "allow", remember).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().path("location");
        assertThat(location, is(ISSUER + "/oauth2/authorize/resume?flow=" + flow));
        return resume(session, location);
    }

    @Test
    void consentRequiredClientSendsTheUserToTheConsentPageWhichListsClientAndScopes() {
        Session session = newUser();

        String flow = consentFlowOf(authorize(session, Map.of()));

        api(session).when().get("/realms/demo/consent/" + flow)
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("client.clientId", equalTo("test-consent-spa"))
                .body("client.name", equalTo("Consent Test App"))
                .body("scopes.name", contains("openid", "profile"))
                .body("scopes[1].description", equalTo("Your name and username"))
                .body("rememberDays", equalTo(365));
    }

    @Test
    void allowWithRememberIssuesTheCodeAndTheNextAuthorizeSkipsConsent() {
        Session session = newUser();
        String flow = consentFlowOf(authorize(session, Map.of()));

        Response done = allow(session, flow, true);

        done.then().statusCode(303).header("Location", startsWith(REDIRECT + "?code="));
        assertThat(query(done.header("Location")), allOf(hasEntry("state", "st-c"), hasEntry("iss", ISSUER)));
        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getSubject(), is(session.getSubject()));
        // the remembered grant answers for the user: straight to the client
        authorize(session, Map.of()).then().statusCode(303).header("Location", startsWith(REDIRECT + "?code="));
        // ... also for fewer scopes, but not for more
        authorize(session, Map.of("scope", "openid")).then().statusCode(303)
                .header("Location", startsWith(REDIRECT + "?code="));
        consentFlowOf(authorize(session, Map.of("scope", "openid profile email")));
    }

    @Test
    void allowWithoutRememberAsksAgainNextTime() {
        Session session = newUser();
        allow(session, consentFlowOf(authorize(session, Map.of())), false)
                .then().statusCode(303).header("Location", startsWith(REDIRECT + "?code="));

        consentFlowOf(authorize(session, Map.of()));
    }

    @Test
    void promptConsentShowsThePageEvenWithARememberedGrant() {
        Session session = newUser();
        allow(session, consentFlowOf(authorize(session, Map.of())), true).then().statusCode(303);

        consentFlowOf(authorize(session, Map.of("prompt", "consent")));
    }

    @Test
    void promptConsentShowsThePageForAClientThatDoesNotRequireConsent() {
        Session session = FakeSessionStore.aliceSession("demo", 5);

        Response response = AuthorizeResourceTest.spaRequest(Map.of("prompt", "consent"))
                .cookie("arbor_session", session.getId()).when().get("/realms/demo/oauth2/authorize");

        consentFlowOf(response);
    }

    @Test
    void denyReturnsAccessDeniedToTheClientWithStateAndIss() {
        Session session = newUser();
        String flow = consentFlowOf(authorize(session, Map.of()));

        String location = decide(session, flow, "deny", false).then().statusCode(200).extract().path("location");
        Response response = resume(session, location);

        response.then().statusCode(303).header("Location", startsWith(REDIRECT + "?"));
        assertThat(query(response.header("Location")), allOf(hasEntry("error", "access_denied"),
                hasEntry("state", "st-c"), hasEntry("iss", ISSUER), not(hasKey("code"))));
    }

    @Test
    void allowEndsTheFlowInTheClientsResponseMode() {
        Session session = FakeSessionStore.aliceSession("demo", 5);
        Response start = given().redirects().follow(false).queryParam("response_type", "code")
                .queryParam("client_id", "test-popup-spa")
                .queryParam("redirect_uri", "https://app.example.com:8443/popup/callback")
                .queryParam("scope", "openid profile").queryParam("state", "st-p").queryParam("prompt", "consent")
                .queryParam("response_mode", "form_post").queryParam("code_challenge", Pkce.CHALLENGE)
                .queryParam("code_challenge_method", "S256").cookie("arbor_session", session.getId())
                .when().get("/realms/demo/oauth2/authorize");
        String flow = consentFlowOf(start);

        Response done = allow(session, flow, false);

        done.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .body(org.hamcrest.Matchers.containsString("action=\"https://app.example.com:8443/popup/callback\""))
                .body(org.hamcrest.Matchers.containsString("name=\"code\""))
                .body(org.hamcrest.Matchers.containsString("value=\"st-p\""));
    }

    @Test
    void aSessionThatAnsweredMaxAgeBeforeTheFlowBeganCompletesTheConsentedFlow() {
        Session session = newUser(); // authenticated 10 s ago, before the flow
        String flow = consentFlowOf(authorize(session, Map.of("max_age", "300")));

        allow(session, flow, false).then().statusCode(303).header("Location", startsWith(REDIRECT + "?code="));
    }

    @Test
    void promptNoneWithoutARememberedGrantIsConsentRequired() {
        Session session = newUser();

        Response response = authorize(session, Map.of("prompt", "none"));

        response.then().statusCode(303).header("Location", startsWith(REDIRECT + "?"));
        assertThat(query(response.header("Location")), allOf(hasEntry("error", "consent_required"),
                hasEntry("state", "st-c"), hasEntry("iss", ISSUER)));
    }

    @Test
    void promptNoneWithARememberedGrantIssuesTheCode() {
        Session session = newUser();
        allow(session, consentFlowOf(authorize(session, Map.of())), true).then().statusCode(303);

        authorize(session, Map.of("prompt", "none")).then().statusCode(303)
                .header("Location", startsWith(REDIRECT + "?code="));
    }

    @Test
    void requestsWithoutTheClientHeaderOrFromAnotherOriginAreForbidden() {
        Session session = newUser();
        String flow = consentFlowOf(authorize(session, Map.of()));

        given().cookie("arbor_session", session.getId()).contentType("application/json")
                .body("{\"decision\":\"allow\",\"remember\":true}")
                .when().post("/realms/demo/consent/" + flow)
                .then().statusCode(403).contentType("application/problem+json");
        given().cookie("arbor_session", session.getId()).when().get("/realms/demo/consent/" + flow)
                .then().statusCode(403).contentType("application/problem+json");
        api(session).header("Origin", "https://evil.example").contentType("application/json")
                .body("{\"decision\":\"allow\",\"remember\":true}")
                .when().post("/realms/demo/consent/" + flow)
                .then().statusCode(403);
        // none of them decided anything: the flow still waits for the user
        api(session).when().get("/realms/demo/consent/" + flow).then().statusCode(200);
    }

    @Test
    void anotherUsersSessionOrNoSessionMayNeitherSeeNorDecide() {
        Session session = newUser();
        String flow = consentFlowOf(authorize(session, Map.of()));

        api(newUser()).when().get("/realms/demo/consent/" + flow).then().statusCode(403);
        decide(newUser(), flow, "allow", true).then().statusCode(403);
        given().header("X-Arbor-Client", "default-ui").when().get("/realms/demo/consent/" + flow)
                .then().statusCode(403);
        api(session).when().get("/realms/demo/consent/" + flow).then().statusCode(200);
    }

    @Test
    void aFlowIsDecidedOnceOnly() {
        Session session = newUser();
        String flow = consentFlowOf(authorize(session, Map.of()));
        decide(session, flow, "allow", false).then().statusCode(200);

        decide(session, flow, "deny", false).then().statusCode(409).contentType("application/problem+json");
        decide(session, flow, "allow", true).then().statusCode(409);
        api(session).when().get("/realms/demo/consent/" + flow).then().statusCode(409);
        // the first decision stands
        resume(session, ISSUER + "/oauth2/authorize/resume?flow=" + flow).then().statusCode(303)
                .header("Location", startsWith(REDIRECT + "?code="));
    }

    @Test
    void malformedDecisionsAre400AndUnknownFlowsAre404() {
        Session session = newUser();
        String flow = consentFlowOf(authorize(session, Map.of()));

        for (String body : new String[] {"", "{", "[]", "{\"decision\":\"maybe\"}", "{\"decision\":true}",
                "{\"decision\":\"allow\",\"remember\":\"yes\"}"}) {
            api(session).contentType("application/json").body(body).when().post("/realms/demo/consent/" + flow)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        api(session).when().get("/realms/demo/consent/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .then().statusCode(404).contentType("application/problem+json");
        api(session).when().get("/realms/demo/consent/<script>").then().statusCode(404);
        api(session).when().get("/realms/nowhere/consent/" + flow).then().statusCode(404);
    }

    @Test
    void adminRevocationMakesTheNextAuthorizeAskAgain() {
        Session session = newUser();
        allow(session, consentFlowOf(authorize(session, Map.of())), true).then().statusCode(303);
        authorize(session, Map.of()).then().header("Location", startsWith(REDIRECT + "?code="));
        String path = "/admin/realms/demo/consents/" + session.getSubject() + "/test-consent-spa";

        given().when().delete(path).then().statusCode(401);
        given().auth().oauth2(adminToken()).when().delete(path).then().statusCode(204);

        consentFlowOf(authorize(session, Map.of()));
        given().auth().oauth2(adminToken()).when().delete(path).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aClientRegisteredWithConsentRequiredThroughTheAdminApiAsksForConsent() {
        String id = "consent-" + UUID.randomUUID();
        given().auth().oauth2(adminToken()).contentType("application/json").body("""
                {"clientId":"%s","type":"public","redirectUris":["https://app.example/cb"],
                 "grantTypes":["authorization_code"],"scopes":["openid"],"consentRequired":true}
                """.formatted(id))
                .when().post("/admin/realms/demo/clients")
                .then().statusCode(201).body("consentRequired", equalTo(true));

        Response response = given().redirects().follow(false).queryParam("response_type", "code")
                .queryParam("client_id", id).queryParam("redirect_uri", "https://app.example/cb")
                .queryParam("scope", "openid").queryParam("code_challenge", Pkce.CHALLENGE)
                .queryParam("code_challenge_method", "S256").cookie("arbor_session", newUser().getId())
                .when().get("/realms/demo/oauth2/authorize");

        consentFlowOf(response);
    }

    @Test
    void resumingAFlowThatWaitsForConsentGoesBackToTheConsentPage() {
        Session session = newUser();
        String flow = consentFlowOf(authorize(session, Map.of()));

        resume(session, ISSUER + "/oauth2/authorize/resume?flow=" + flow)
                .then().statusCode(303).header("Location", is(CONSENT_PAGE + flow));
        resume(newUser(), ISSUER + "/oauth2/authorize/resume?flow=" + flow).then().statusCode(400);
    }

    private static String adminToken() {
        String token = TestTokens.accessToken().issuer(TestTokens.issuerOf("admin")).clientId("arbor-admin")
                .subject("arbor-admin").scope("arbor:admin").build();
        assertThat(token, notNullValue());
        return token;
    }
}
