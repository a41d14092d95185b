package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.ISSUER;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.SPA_REDIRECT;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.flowIdOf;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.query;
import static dev.arbor.federation.adapter.in.rest.OpFlows.AUTHORIZE;
import static dev.arbor.federation.adapter.in.rest.OpFlows.LOGIN_PAGE;
import static dev.arbor.federation.adapter.in.rest.OpFlows.RP;
import static dev.arbor.federation.adapter.in.rest.OpFlows.RP_REDIRECT;
import static dev.arbor.federation.adapter.in.rest.OpFlows.RP_SECRET;
import static dev.arbor.federation.adapter.in.rest.OpFlows.TOKEN;
import static dev.arbor.federation.adapter.in.rest.OpFlows.USERINFO;
import static dev.arbor.federation.adapter.in.rest.OpFlows.authorize;
import static dev.arbor.federation.adapter.in.rest.OpFlows.codeFromSession;
import static dev.arbor.federation.adapter.in.rest.OpFlows.redeemSpa;
import static dev.arbor.federation.adapter.in.rest.OpFlows.rpCodeFromSession;
import static dev.arbor.federation.adapter.in.rest.OpFlows.userinfo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.federation.support.LogoutClients;
import dev.arbor.federation.support.Pkce;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The OpenID Foundation's Basic OP certification plan (OIDCCBasicTestPlan, {@code response_type=code},
 * {@code client_secret_basic}, default response mode), one test per module, numbered as in
 * {@code docs/reference/oidc.md}. Code reuse has its own class ({@link OpCertificationCodeReuseTest}), and
 * so has logout ({@link OpCertificationLogoutTest}). Token-service is the fake peer here: what it signs
 * (ID token claims, signatures) is proven in token-service's tests and in system-tests.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class OpCertificationBasicTest {

    @Test
    @DisplayName("#1 oidcc-server: discovery and JWKS with distinct kids, code with state and iss, tokens, UserInfo 200")
    void happyFlowFromDiscoveryToUserinfo() {
        // Given the realm's metadata and keys
        String jwksUri = given().when().get("/realms/demo/.well-known/openid-configuration")
                .then().statusCode(200).body("issuer", equalTo(ISSUER)).extract().path("jwks_uri");
        List<String> kids = given().when().get(jwksUri.replace("http://localhost:8080", ""))
                .then().statusCode(200).extract().path("keys.kid");
        assertTrue(kids.stream().allMatch(kid -> kid != null && !kid.isEmpty()), "every key has a kid");
        assertEquals(kids.size(), new HashSet<>(kids).size(), "kids are distinct");

        // When alice, signed in, asks for a code
        Response authorization = authorize(Map.of(), FakeSessionStore.aliceSession("demo", 5));

        // Then the code comes back with the state as sent and the issuer (RFC 9207)
        authorization.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?"));
        Map<String, String> callback = query(authorization.header("Location"));
        assertThat(callback, allOf(hasKey("code"), hasEntry("state", "st-123"), hasEntry("iss", ISSUER)));
        // And the token response has an access token, its type and lifetime, and an ID token
        String accessToken = redeemSpa(callback.get("code")).then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", greaterThan(0))
                .body("id_token", notNullValue())
                .extract().path("access_token");
        // And UserInfo answers for that token
        userinfo(accessToken).then().statusCode(200).body("sub", equalTo("alice"));
    }

    @Test
    @DisplayName("#1 oidcc-server: error_description has no CR, LF or TAB and no error_uri is sent")
    void errorResponsesHaveAPlainDescription() {
        for (Map<String, String> bad : List.of(Map.of("prompt", "maybe"), Map.of("response_type", "token"),
                Map.of("scope", "openid admin"), Map.of("max_age", "-1"), Map.of("code_challenge_method", "plain"))) {
            Map<String, String> callback = query(authorize(bad, null).header("Location"));

            assertThat(bad.toString(), callback, hasKey("error"));
            assertTrue(callback.get("error_description").chars().noneMatch(c -> c == '\r' || c == '\n' || c == '\t'),
                    bad.toString());
            assertThat(callback, not(hasKey("error_uri")));
        }
        String tokenError = given().formParam("grant_type", "authorization_code").formParam("client_id", "test-spa")
                .formParam("code", "no-such-code").formParam("redirect_uri", SPA_REDIRECT)
                .formParam("code_verifier", Pkce.VERIFIER).when().post(TOKEN)
                .then().statusCode(400).extract().path("error_description");
        assertTrue(tokenError.chars().noneMatch(c -> c == '\r' || c == '\n' || c == '\t'));
    }

    @Test
    @DisplayName("#2 oidcc-response-type-missing: no response_type is invalid_request back at the registered redirect URI")
    void missingResponseTypeIsInvalidRequest() {
        Response response = authorize(Map.of("response_type", ""), null);

        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?"));
        assertThat(query(response.header("Location")), allOf(hasEntry("error", "invalid_request"),
                hasEntry("state", "st-123"), hasEntry("iss", ISSUER), not(hasKey("code"))));
    }

    @Test
    @DisplayName("#3 oidcc-idtoken-signature: RS256 is offered and is a client's default ID token alg")
    void rs256IsTheDefaultIdTokenAlgorithm() {
        given().when().get("/realms/demo/.well-known/openid-configuration")
                .then().body("id_token_signing_alg_values_supported", hasItem("RS256"));

        codeFromSession(Map.of(), FakeSessionStore.aliceSession("demo", 5));

        // empty: the realm's default, which is RS256 (token-service SigningAlgorithmsTest; demo.yaml sets none)
        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getPolicy().getSigningAlg(), is(""));
    }

    @Test
    @DisplayName("#4 oidcc-idtoken-unsigned: alg none is not offered for ID tokens or request objects (module skipped)")
    void noneIsNeverOffered() {
        given().when().get("/realms/demo/.well-known/openid-configuration")
                .then().body("id_token_signing_alg_values_supported", not(hasItem("none")))
                .body("request_object_signing_alg_values_supported", not(hasItem("none")))
                .body("token_endpoint_auth_signing_alg_values_supported", not(hasItem("none")));
    }

    @Test
    @DisplayName("#5 oidcc-userinfo-get: GET with the bearer token in the header")
    void userinfoByGet() {
        userinfo(TestTokens.accessToken().build()).then().statusCode(200)
                .contentType(containsString("application/json")).body("sub", equalTo("alice"));
    }

    @Test
    @DisplayName("#6 oidcc-userinfo-post-header: POST with the bearer token in the header")
    void userinfoByPostWithTheHeader() {
        given().header("Authorization", "Bearer " + TestTokens.accessToken().build()).when().post(USERINFO)
                .then().statusCode(200).body("sub", equalTo("alice")).body("email", equalTo("alice@example.com"));
    }

    @Test
    @DisplayName("#7 oidcc-userinfo-post-body: a token in the POST body is not read (optional, RFC 6750 §2.2): 401 challenge")
    void userinfoTokenInTheBodyIsNotAccepted() {
        given().formParam("access_token", TestTokens.accessToken().build()).when().post(USERINFO)
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    @DisplayName("#8 oidcc-ensure-request-without-nonce-succeeds-for-code-flow")
    void codeFlowWithoutNonceIssuesACode() {
        codeFromSession(Map.of("nonce", ""), FakeSessionStore.aliceSession("demo", 5));

        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getNonce(), is(""));
    }

    @Test
    @DisplayName("#9-13 oidcc-scope-profile/-email: UserInfo releases each scope's claims; phone and address are not offered")
    void scopeClaimsComeFromUserinfo() {
        userinfo(TestTokens.accessToken().scope("openid profile").build()).then().statusCode(200)
                .body("name", equalTo("Alice Liddell")).body("family_name", equalTo("Liddell"))
                .body("email", nullValue());
        userinfo(TestTokens.accessToken().scope("openid email").build()).then().statusCode(200)
                .body("email", equalTo("alice@example.com")).body("email_verified", equalTo(true))
                .body("name", nullValue());
        given().when().get("/realms/demo/.well-known/openid-configuration")
                .then().body("scopes_supported", not(hasItem("phone"))).body("scopes_supported", not(hasItem("address")));
        assertThat(query(authorize(Map.of("scope", "openid phone"), null).header("Location")),
                hasEntry("error", "invalid_scope"));
    }

    @Test
    @DisplayName("#14 oidcc-alternate-happy-flow: reversed scope order and reordered parameters work")
    void reorderedParametersAndScopesWork() {
        Session session = FakeSessionStore.aliceSession("demo", 5);
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("code_challenge_method", "S256");
        reordered.put("state", "alt-1");
        reordered.put("scope", "email profile openid");
        reordered.put("code_challenge", Pkce.CHALLENGE);
        reordered.put("redirect_uri", SPA_REDIRECT);
        reordered.put("client_id", "test-spa");
        reordered.put("response_type", "code");

        Response response = given().redirects().follow(false).cookie("arbor_session", session.getId())
                .queryParams(reordered).when().get(AUTHORIZE);

        assertThat(query(response.header("Location")), allOf(hasKey("code"), hasEntry("state", "alt-1")));
        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getScopesList(),
                org.hamcrest.Matchers.containsInAnyOrder("openid", "profile", "email"));
    }

    @Test
    @DisplayName("#15 oidcc-display-page and #16 oidcc-display-popup: display never causes an error")
    void displayPageAndPopupAreAccepted() {
        for (String display : List.of("page", "popup")) {
            authorize(Map.of("display", display), null).then().statusCode(303)
                    .header("Location", startsWith(LOGIN_PAGE));
            assertThat(query(authorize(Map.of("display", display), FakeSessionStore.aliceSession("demo", 5))
                    .header("Location")), hasKey("code"));
        }
    }

    @Test
    @DisplayName("#17 oidcc-prompt-login: prompt=login re-authenticates and the new auth_time is later")
    void promptLoginForcesALaterAuthTime() {
        // Given alice signed in a minute ago, and a first code carried that auth_time
        Session first = FakeSessionStore.aliceSession("demo", 60);
        codeFromSession(Map.of(), first);
        long firstAuthTime = FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getAuthTime();

        // When the client asks again with prompt=login
        Response response = authorize(Map.of("prompt", "login"), first);

        // Then the browser goes to the login page, not back with a code
        response.then().statusCode(303).header("Location", startsWith(LOGIN_PAGE));
        // And once she signed in again, the code carries the later auth_time
        String code = resume(flowIdOf(response.header("Location")), FakeSessionStore.aliceSession("demo", 0));
        assertNotNull(code);
        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getAuthTime(), greaterThan(firstAuthTime));
    }

    @Test
    @DisplayName("#18 oidcc-prompt-none-not-logged-in: prompt=none without a session is login_required at the client")
    void promptNoneWithoutASessionIsLoginRequired() {
        Response response = authorize(Map.of("prompt", "none"), null);

        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?"));
        assertThat(query(response.header("Location")), allOf(hasEntry("error", "login_required"),
                hasEntry("state", "st-123"), hasEntry("iss", ISSUER), not(hasKey("code"))));
    }

    @Test
    @DisplayName("#19 oidcc-prompt-none-logged-in: prompt=none with a session answers at once with the session's sub and auth_time")
    void promptNoneWithASessionAnswersAtOnce() {
        Session session = FakeSessionStore.aliceSession("demo", 30);

        codeFromSession(Map.of("prompt", "none"), session);

        IssueAuthorizationCodeRequest issued = FakeTokenService.LAST_CODE_REQUEST.get();
        assertThat(issued.getAuthentication().getSubject(), is("alice"));
        assertThat(issued.getAuthentication().getAuthTime(), is(session.getAuthTime()));
    }

    @Test
    @DisplayName("#20 oidcc-max-age-1: a session older than max_age=1 forces a new login with a later auth_time")
    void maxAgeOneForcesANewLogin() {
        // Given a session authenticated 2 s ago (built that old: no sleeping)
        Session old = FakeSessionStore.aliceSession("demo", 2);

        // When max_age=1 is asked, the browser goes to the login page
        Response response = authorize(Map.of("max_age", "1"), old);
        response.then().statusCode(303).header("Location", startsWith(LOGIN_PAGE));
        String flow = flowIdOf(response.header("Location"));

        // Then the old session does not complete the flow, a fresh login does, with its later auth_time
        resumeResponse(flow, old).then().statusCode(303).header("Location", startsWith(LOGIN_PAGE));
        Session fresh = FakeSessionStore.aliceSession("demo", 0);
        assertNotNull(resume(flow, fresh));
        long authTime = FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getAuthTime();
        assertThat(authTime, is(fresh.getAuthTime()));
        assertThat(authTime, greaterThan(old.getAuthTime()));
    }

    @Test
    @DisplayName("#21 oidcc-max-age-10000: a session younger than max_age is used as it is, same sub and auth_time")
    void maxAgeTenThousandKeepsTheSession() {
        Session session = FakeSessionStore.aliceSession("demo", 120);

        codeFromSession(Map.of("max_age", "15000"), session);
        IssueAuthorizationCodeRequest first = FakeTokenService.LAST_CODE_REQUEST.get();
        codeFromSession(Map.of("max_age", "10000"), session);
        IssueAuthorizationCodeRequest second = FakeTokenService.LAST_CODE_REQUEST.get();

        assertThat(second.getAuthentication().getAuthTime(), is(first.getAuthentication().getAuthTime()));
        assertThat(second.getAuthentication().getSubject(), is(first.getAuthentication().getSubject()));
    }

    @Test
    @DisplayName("#22 oidcc-ensure-request-with-unknown-parameter-succeeds (O34): extra=foobar is ignored")
    void unknownParameterIsIgnored() {
        authorize(Map.of("extra", "foobar"), null).then().statusCode(303).header("Location", startsWith(LOGIN_PAGE));
        assertThat(query(authorize(Map.of("extra", "foobar"), FakeSessionStore.aliceSession("demo", 5))
                .header("Location")), allOf(hasKey("code"), not(hasKey("error"))));
    }

    @Test
    @DisplayName("#24 oidcc-login-hint, #25 oidcc-ui-locales, #26 oidcc-claims-locales: none causes an error")
    void hintsAndLocalesCauseNoError() {
        for (Map<String, String> extra : List.of(Map.of("login_hint", "alice@example.com"),
                Map.of("ui_locales", "nl de"), Map.of("claims_locales", "de fr-CA"))) {
            authorize(extra, null).then().statusCode(303).header("Location", startsWith(LOGIN_PAGE));
            assertThat(extra.toString(), query(authorize(extra, FakeSessionStore.aliceSession("demo", 5))
                    .header("Location")), allOf(hasKey("code"), not(hasKey("error"))));
        }
    }

    @Test
    @DisplayName("#27 oidcc-ensure-request-with-acr-values-succeeds: the session's acr answers acr_values")
    void acrValuesSucceed() {
        Session session = FakeSessionStore.aliceSession("demo", 5);

        codeFromSession(Map.of("acr_values", "login"), session);

        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getAuthentication().getAcr(), is("login"));
    }

    @Test
    @DisplayName("#30 oidcc-ensure-registered-redirect-uri: an unregistered redirect_uri is an error page, never a redirect")
    void unregisteredRedirectUriIsAPage() {
        for (String uri : List.of("https://attacker.example/cb", SPA_REDIRECT + "x", SPA_REDIRECT + "?x=1")) {
            Response response = authorize(Map.of("redirect_uri", uri), FakeSessionStore.aliceSession("demo", 5));

            response.then().statusCode(400).contentType(containsString("text/html")).header("Location", nullValue());
            assertThat(uri, response.body().asString(), not(containsString("attacker.example")));
        }
    }

    @Test
    @DisplayName("#31 oidcc-ensure-post-request-succeeds: the authorization request by POST answers with a code")
    void authorizationRequestByPostSucceeds() {
        Session session = FakeSessionStore.aliceSession("demo", 5);

        Response response = given().redirects().follow(false).cookie("arbor_session", session.getId())
                .formParam("response_type", "code").formParam("client_id", "test-spa")
                .formParam("redirect_uri", SPA_REDIRECT).formParam("scope", "openid")
                .formParam("state", "post-1").formParam("code_challenge", Pkce.CHALLENGE)
                .formParam("code_challenge_method", "S256")
                .when().post(AUTHORIZE);

        // RFC 9700 §4.12: a redirect after a POST is 303, never 307
        response.then().statusCode(303);
        assertThat(query(response.header("Location")), allOf(hasKey("code"), hasEntry("state", "post-1")));
    }

    @Test
    @DisplayName("#1 oidcc-server (client_secret_basic) and #32 oidcc-server-client-secret-post: a confidential client redeems its code either way")
    void confidentialClientAuthenticatesByBasicAndByPost() {
        Session session = FakeSessionStore.aliceSession("demo", 5);

        given().auth().preemptive().basic(RP, RP_SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", rpCodeFromSession(session))
                .formParam("redirect_uri", RP_REDIRECT)
                .when().post(TOKEN).then().statusCode(200).body("access_token", notNullValue());
        given().formParam("client_id", RP).formParam("client_secret", RP_SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", rpCodeFromSession(session))
                .formParam("redirect_uri", RP_REDIRECT)
                .when().post(TOKEN).then().statusCode(200).body("access_token", notNullValue());
        given().formParam("client_id", RP).formParam("client_secret", "wrong")
                .formParam("grant_type", "authorization_code").formParam("code", rpCodeFromSession(session))
                .formParam("redirect_uri", RP_REDIRECT)
                .when().post(TOKEN).then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    @DisplayName("#33/#34 request_uri and request by value: unsigned objects are refused, never silently ignored; none is not offered")
    void unsignedRequestObjectsAreRefusedNotIgnored() {
        given().when().get("/realms/demo/.well-known/openid-configuration")
                .then().body("request_uri_parameter_supported", equalTo(false))
                .body("request_object_signing_alg_values_supported", not(hasItem("none")));
        Session session = FakeSessionStore.aliceSession("demo", 5);

        Map<String, String> byValue = query(authorize(Map.of("request", "eyJhbGciOiJub25lIn0.e30."), session)
                .header("Location"));
        Map<String, String> byReference = query(authorize(Map.of("request_uri", "https://rp.example/ro.jwt"), session)
                .header("Location"));

        assertThat(byValue, allOf(hasEntry("error", "invalid_request_object"), not(hasKey("code"))));
        assertThat(byReference, allOf(hasEntry("error", "request_uri_not_supported"), not(hasKey("code"))));
    }

    @Test
    @DisplayName("#37 oidcc-refresh-token: refresh is JSON, not cached, Bearer, and a printable token (RFC 6749 A.17)")
    void refreshAnswersLikeATokenResponse() {
        String refreshToken = FakeTokenService.refreshTokenFor("test-refresh-spa", List.of("openid", "profile"));

        String rotated = given().formParam("grant_type", "refresh_token").formParam("client_id", "test-refresh-spa")
                .formParam("refresh_token", refreshToken).when().post(TOKEN)
                .then().statusCode(200).contentType(containsString("application/json"))
                .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .body("token_type", equalTo("Bearer")).body("access_token", notNullValue())
                .extract().path("refresh_token");

        assertTrue(rotated.matches("[\\x20-\\x7E]+"), "RFC 6749 A.17 refresh-token = 1*VSCHAR");
        assertNotEquals(refreshToken, rotated);
    }

    @Test
    @DisplayName("#37 oidcc-refresh-token (O17): client 2 cannot use client 1's refresh token")
    void refreshTokenOfAnotherClientIsInvalidGrant() {
        // Given a second public client allowed the refresh grant, and a refresh token of test-refresh-spa
        String second = registerRefreshClient();
        String refreshToken = FakeTokenService.refreshTokenFor("test-refresh-spa", List.of("openid"));

        // When the second client presents it
        given().formParam("grant_type", "refresh_token").formParam("client_id", second)
                .formParam("refresh_token", refreshToken).when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_grant"));

        // Then token-service was asked on behalf of the authenticated client, never the token's owner
        assertThat(FakeTokenService.REFRESH_REQUESTS.getLast().getClientId(), is(second));
        // And the owner can still use it
        given().formParam("grant_type", "refresh_token").formParam("client_id", "test-refresh-spa")
                .formParam("refresh_token", refreshToken).when().post(TOKEN).then().statusCode(200);
    }

    @Test
    @DisplayName("#38 oidcc-ensure-request-with-valid-pkce-succeeds: S256 PKCE request answers with a code that redeems")
    void validPkceSucceeds() {
        String code = codeFromSession(Map.of(), FakeSessionStore.aliceSession("demo", 5));

        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getCodeChallenge(), is(Pkce.CHALLENGE));
        assertThat(FakeTokenService.LAST_CODE_REQUEST.get().getCodeChallengeMethod(), is("S256"));
        redeemSpa(code).then().statusCode(200);
    }

    private static String registerRefreshClient() {
        String id = "second-refresh-" + UUID.randomUUID();
        given().auth().oauth2(LogoutClients.adminToken()).contentType("application/json")
                .body("""
                        {"clientId":"%s","type":"public","grantTypes":["authorization_code","refresh_token"],
                         "scopes":["openid"],"redirectUris":["http://localhost:9999/second/callback"]}
                        """.formatted(id))
                .when().post("/admin/realms/demo/clients").then().statusCode(201);
        return id;
    }

    private static Response resumeResponse(String flow, Session session) {
        return given().redirects().follow(false).queryParam("flow", flow).cookie("arbor_session", session.getId())
                .when().get(AUTHORIZE + "/resume");
    }

    /** Resumes the flow with {@code session}; returns the code it answers. */
    private static String resume(String flow, Session session) {
        Response response = resumeResponse(flow, session);
        response.then().statusCode(303).header("Location", startsWith(SPA_REDIRECT + "?code="));
        return query(response.header("Location")).get("code");
    }
}
