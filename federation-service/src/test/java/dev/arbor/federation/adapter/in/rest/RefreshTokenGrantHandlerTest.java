package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.flowIdOf;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.query;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.spaRequest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.token.v1.RefreshTokensRequest;
import dev.arbor.contracts.token.v1.RevokeRefreshTokenRequest;
import dev.arbor.contracts.token.v1.TokenPolicy;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.federation.support.Pkce;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RFC 6749 §6 at {@code /realms/demo/oauth2/token} (RefreshTokenGrantHandler) and RFC 7009 for refresh
 * tokens at {@code /realms/demo/oauth2/revoke}, against the fake token-service peer.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class RefreshTokenGrantHandlerTest {
    private static final String TOKEN = "/realms/demo/oauth2/token";
    private static final String REVOKE = "/realms/demo/oauth2/revoke";
    private static final String CLIENT = "test-refresh-spa";
    private static final String REDIRECT = "http://localhost:9999/refresh-spa/callback";
    private static final List<String> GRANTED = List.of("openid", "profile", "email");

    @Test
    void codeOfAClientAllowedToRefreshCarriesItsPolicyAndTheTokenResponseHasARefreshToken() {
        // Given test-refresh-spa (refresh_token grant, idle PT12H, absolute P7D) logs alice in
        String code = codeFor(CLIENT, REDIRECT);

        // Then the code was issued with the client's refresh policy
        TokenPolicy policy = FakeTokenService.LAST_CODE_REQUEST.get().getPolicy();
        assertTrue(policy.getRefreshTokens());
        assertEquals(43_200, policy.getRefreshIdleLifetimeSeconds());
        assertEquals(604_800, policy.getRefreshAbsoluteLifetimeSeconds());
        // and its redemption answers with a refresh token (RFC 6749 §5.1)
        given().formParam("grant_type", "authorization_code").formParam("client_id", CLIENT)
                .formParam("code", code).formParam("redirect_uri", REDIRECT)
                .formParam("code_verifier", Pkce.VERIFIER)
                .when().post(TOKEN)
                .then().statusCode(200)
                .body("refresh_token", startsWith("rt-"));
    }

    @Test
    void codeOfAClientNotAllowedToRefreshAsksForNoRefreshToken() {
        codeFor("test-spa", AuthorizeResourceTest.SPA_REDIRECT);

        assertFalse(FakeTokenService.LAST_CODE_REQUEST.get().getPolicy().getRefreshTokens());
    }

    @Test
    void refreshOfAPublicClientReturnsNewTokensAndSendsTheClientsPolicy() {
        String refreshToken = FakeTokenService.refreshTokenFor(CLIENT, GRANTED);

        given().formParam("grant_type", "refresh_token").formParam("client_id", CLIENT)
                .formParam("refresh_token", refreshToken)
                .when().post(TOKEN)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("access_token", notNullValue())
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("openid profile email"))
                .body("refresh_token", not(equalTo(refreshToken)));

        RefreshTokensRequest sent = sentFor(refreshToken);
        assertEquals("demo", sent.getRealm());
        assertEquals("http://localhost:8080/realms/demo", sent.getIssuer());
        assertEquals(CLIENT, sent.getClientId());
        assertTrue(sent.getScopesList().isEmpty(), "no scope parameter keeps the granted scope");
        assertTrue(sent.getPolicy().getRefreshTokens());
        assertEquals(43_200, sent.getPolicy().getRefreshIdleLifetimeSeconds());
    }

    @Test
    void refreshWithANarrowerScopeSendsItAndTheResponseHasIt() {
        String refreshToken = FakeTokenService.refreshTokenFor(CLIENT, GRANTED);

        given().formParam("grant_type", "refresh_token").formParam("client_id", CLIENT)
                .formParam("refresh_token", refreshToken).formParam("scope", "openid")
                .when().post(TOKEN)
                .then().statusCode(200).body("scope", equalTo("openid"));

        assertEquals(List.of("openid"), sentFor(refreshToken).getScopesList());
    }

    @Test
    void refreshWithoutRefreshTokenIsInvalidRequest() {
        given().formParam("grant_type", "refresh_token").formParam("client_id", CLIENT)
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void refreshByAClientNotAllowedTheGrantIsUnauthorizedClient() {
        String refreshToken = FakeTokenService.refreshTokenFor("test-spa", GRANTED);

        given().formParam("grant_type", "refresh_token").formParam("client_id", "test-spa")
                .formParam("refresh_token", refreshToken)
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));

        assertTrue(FakeTokenService.REFRESH_REQUESTS.stream().noneMatch(r -> r.getRefreshToken().equals(refreshToken)));
    }

    @Test
    void refreshErrorsOfTokenServiceArePassedOnAsTheSameOAuthError() {
        String refreshToken = FakeTokenService.refreshTokenFor(CLIENT, GRANTED);

        given().formParam("grant_type", "refresh_token").formParam("client_id", CLIENT)
                .formParam("refresh_token", "rt-unknown")
                .when().post(TOKEN)
                .then().statusCode(400).header("Cache-Control", "no-store").body("error", equalTo("invalid_grant"));
        given().formParam("grant_type", "refresh_token").formParam("client_id", CLIENT)
                .formParam("refresh_token", refreshToken).formParam("scope", "openid api")
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void revokingARefreshTokenCallsRevokeRefreshTokenWhateverTheHint() {
        for (String hint : new String[] {"refresh_token", "access_token", ""}) {
            String refreshToken = FakeTokenService.refreshTokenFor(CLIENT, GRANTED);

            given().formParam("client_id", CLIENT).formParam("token", refreshToken).formParam("token_type_hint", hint)
                    .when().post(REVOKE)
                    .then().statusCode(200);

            RevokeRefreshTokenRequest sent = FakeTokenService.REVOKED_REFRESH.stream()
                    .filter(r -> r.getRefreshToken().equals(refreshToken)).findFirst().orElseThrow();
            assertEquals("demo", sent.getRealm());
            assertEquals(CLIENT, sent.getClientId());
            given().formParam("grant_type", "refresh_token").formParam("client_id", CLIENT)
                    .formParam("refresh_token", refreshToken)
                    .when().post(TOKEN)
                    .then().statusCode(400).body("error", equalTo("invalid_grant"));
        }
    }

    @Test
    void revokingAnotherClientsRefreshTokenIs200AndLeavesItUsable() {
        String victims = FakeTokenService.refreshTokenFor(CLIENT, GRANTED);

        given().auth().preemptive().basic("test-rp", "test-rp-secret")
                .formParam("token", victims).formParam("token_type_hint", "refresh_token")
                .when().post(REVOKE)
                .then().statusCode(200);

        // token-service was asked on behalf of the authenticated client, which is not the token's
        assertTrue(FakeTokenService.REVOKED_REFRESH.stream()
                .anyMatch(r -> r.getRefreshToken().equals(victims) && r.getClientId().equals("test-rp")));
        given().formParam("grant_type", "refresh_token").formParam("client_id", CLIENT)
                .formParam("refresh_token", victims)
                .when().post(TOKEN)
                .then().statusCode(200);
    }

    @Test
    void anAccessTokenSentWithTheRefreshTokenHintIsStillRevokedAsAnAccessToken() {
        String jti = "hinted-" + UUID.randomUUID();
        String accessToken = TestTokens.accessToken().clientId("test-rp").jti(jti).build();

        given().auth().preemptive().basic("test-rp", "test-rp-secret")
                .formParam("token", accessToken).formParam("token_type_hint", "refresh_token")
                .when().post(REVOKE)
                .then().statusCode(200);

        assertTrue(FakeTokenService.REVOKED.stream().anyMatch(r -> r.getJti().equals(jti)));
    }

    /** Runs the front channel for a public client to the end and returns its code. */
    private static String codeFor(String clientId, String redirectUri) {
        String flow = flowIdOf(spaRequest(Map.of("client_id", clientId, "redirect_uri", redirectUri))
                .when().get("/realms/demo/oauth2/authorize").header("Location"));
        String location = given().redirects().follow(false).queryParam("flow", flow)
                .cookie("arbor_session", FakeSessionStore.aliceSession("demo", 0).getId())
                .when().get("/realms/demo/oauth2/authorize/resume").header("Location");
        return query(location).get("code");
    }

    private static RefreshTokensRequest sentFor(String refreshToken) {
        return FakeTokenService.REFRESH_REQUESTS.stream().filter(r -> r.getRefreshToken().equals(refreshToken))
                .findFirst().orElseThrow();
    }
}
