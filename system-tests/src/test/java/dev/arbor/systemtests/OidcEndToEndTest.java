package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

/**
 * The walking login over HTTP through the gateway, every service real: federation, authtree,
 * session-store, token-service, Kafka, PostgreSQL and Redis. And the bad inputs of this slice.
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OidcEndToEndTest {
    private static final String ISSUER = ArborSuite.PUBLIC_URL + "/realms/demo";

    @Test
    void discoveryListsEveryEndpointOfTheRealm() {
        JsonNode config = Http.json(new Http().get("/realms/demo/.well-known/openid-configuration"));

        assertEquals(ISSUER, config.get("issuer").asText());
        assertEquals(ISSUER + "/oauth2/authorize", config.get("authorization_endpoint").asText());
        assertEquals(ISSUER + "/oauth2/token", config.get("token_endpoint").asText());
        assertEquals(ISSUER + "/oauth2/userinfo", config.get("userinfo_endpoint").asText());
        assertEquals(ISSUER + "/oauth2/jwks", config.get("jwks_uri").asText());
        assertTrue(config.get("code_challenge_methods_supported").toString().contains("S256"));
    }

    @Test
    void codeFlowWithPkceIssuesSignedTokensAndUserinfoReturnsAlicesClaims() throws Exception {
        var flow = new CodeFlow();
        String code = flow.loginAndGetCode("alice", ArborSuite.ALICE_PASSWORD);

        HttpResponse<String> tokenResponse = flow.redeem(code, flow.verifier);
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());
        assertEquals("no-store", tokenResponse.headers().firstValue("Cache-Control").orElse(""));
        JsonNode tokens = Http.json(tokenResponse);

        JwtConsumer verifier = verifierFor(CodeFlow.CLIENT);
        JwtClaims idToken = verifier.processToClaims(tokens.get("id_token").asText());
        assertEquals(flow.nonce, idToken.getStringClaimValue("nonce"));
        assertEquals("Alice Liddell", idToken.getStringClaimValue("name"));
        assertNotNull(idToken.getStringClaimValue("sid"));
        String accessToken = tokens.get("access_token").asText();
        assertEquals("at+jwt", header(accessToken).get("typ").asText());
        assertEquals("RS256", header(accessToken).get("alg").asText());

        HttpResponse<String> userinfo = flow.http.get("/realms/demo/oauth2/userinfo", accessToken);
        assertEquals(200, userinfo.statusCode(), userinfo.body());
        JsonNode claims = Http.json(userinfo);
        assertEquals(idToken.getSubject(), claims.get("sub").asText());
        assertEquals("alice@example.com", claims.get("email").asText());
        assertEquals("Alice Liddell", claims.get("name").asText());
    }

    @Test
    void codeUsedTwiceIsInvalidGrantTheSecondTime() {
        var flow = new CodeFlow();
        String code = flow.loginAndGetCode("alice", ArborSuite.ALICE_PASSWORD);

        assertEquals(200, flow.redeem(code, flow.verifier).statusCode());
        HttpResponse<String> replay = flow.redeem(code, flow.verifier);

        assertEquals(400, replay.statusCode());
        assertEquals("invalid_grant", Http.json(replay).get("error").asText());
    }

    @Test
    void wrongPkceVerifierIsInvalidGrant() {
        var flow = new CodeFlow();
        String code = flow.loginAndGetCode("alice", ArborSuite.ALICE_PASSWORD);

        HttpResponse<String> response = flow.redeem(code, CodeFlow.randomToken());

        assertEquals(400, response.statusCode());
        assertEquals("invalid_grant", Http.json(response).get("error").asText());
    }

    @Test
    void secondAuthorizationReusesTheSsoSessionWithoutAskingAgain() {
        var flow = new CodeFlow();
        flow.loginAndGetCode("alice", ArborSuite.ALICE_PASSWORD);

        HttpResponse<String> again = flow.http.get(flow.authorizeUrl());

        assertEquals(303, again.statusCode());
        Map<String, String> callback = Http.query(again.headers().firstValue("Location").orElseThrow());
        assertNotNull(callback.get("code"), "SSO session: straight back to the client with a code");
    }

    @Test
    void wrongPasswordAndUnknownUserFailTheSameWay() {
        var flow = new CodeFlow();
        HttpResponse<String> wrongPassword = flow.journey(null, "alice", "not-her-password");
        HttpResponse<String> unknownUser = flow.journey(null, "mallory", "whatever-it-is");

        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownUser.statusCode());
        assertEquals(wrongPassword.body(), unknownUser.body());
        assertFalse(wrongPassword.headers().firstValue("Set-Cookie").orElse("").contains("arbor_session"));
    }

    @Test
    void unknownRealmIsA404ProblemDocument() {
        HttpResponse<String> response = new Http().get("/realms/no-such-realm/.well-known/openid-configuration");

        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(404, Http.json(response).get("status").asInt());
    }

    @Test
    void unregisteredRedirectUriGetsAnErrorPageNeverARedirect() {
        String url = new CodeFlow().authorizeUrl().replace(Http.enc(CodeFlow.REDIRECT_URI), Http.enc("https://attacker.example/cb"));

        HttpResponse<String> response = new Http().get(url);

        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
        assertFalse(response.body().contains("attacker.example"), "the page does not link to the unregistered URI");
    }

    @Test
    void unknownClientGetsAnErrorPageNeverARedirect() {
        String url = new CodeFlow().authorizeUrl().replace("client_id=demo-spa", "client_id=nobody");

        HttpResponse<String> response = new Http().get(url);

        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
    }

    @Test
    void publicClientWithoutPkceGetsInvalidRequestAtItsRedirectUri() {
        var flow = new CodeFlow();
        String url = flow.authorizeUrl().replaceAll("&code_challenge=[^&]*&code_challenge_method=S256", "");

        HttpResponse<String> response = flow.http.get(url);

        assertEquals(303, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(CodeFlow.REDIRECT_URI), location);
        Map<String, String> params = Http.query(location);
        assertEquals("invalid_request", params.get("error"));
        assertEquals(flow.state, params.get("state"));
        assertEquals(ISSUER, params.get("iss"));
    }

    @Test
    void clientCredentialsGivesTheServiceClientAVerifiableAccessToken() throws Exception {
        HttpResponse<String> response = new Http().postForm("/realms/demo/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "api"), basic("demo-service", "demo-service-secret"));

        assertEquals(200, response.statusCode(), response.body());
        String accessToken = Http.json(response).get("access_token").asText();
        JwtClaims claims = verifierFor(null).processToClaims(accessToken);
        assertEquals("demo-service", claims.getSubject());
        assertEquals("demo-service", claims.getStringClaimValue("client_id"));
    }

    @Test
    void clientCredentialsWithAWrongSecretIsInvalidClient() {
        HttpResponse<String> response = new Http().postForm("/realms/demo/oauth2/token",
                Map.of("grant_type", "client_credentials"), basic("demo-service", "guess"));

        assertEquals(401, response.statusCode());
        assertEquals("invalid_client", Http.json(response).get("error").asText());
    }

    @Test
    void adminApiAcceptsTheArborAdminTokenAndNothingElse() {
        var http = new Http();
        HttpResponse<String> token = http.postForm("/realms/admin/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "arbor:admin"), basic("arbor-admin", ArborSuite.adminSecret));
        assertEquals(200, token.statusCode(), token.body());
        String adminToken = Http.json(token).get("access_token").asText();
        String demoToken = Http.json(http.postForm("/realms/demo/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "api"), basic("demo-service", "demo-service-secret")))
                .get("access_token").asText();

        HttpResponse<String> clients = http.get("/admin/realms/demo/clients", adminToken);
        HttpResponse<String> withDemoToken = http.get("/admin/realms/demo/clients", demoToken);
        HttpResponse<String> anonymous = http.get("/admin/realms/demo/clients");

        assertEquals(200, clients.statusCode(), clients.body());
        assertTrue(clients.body().contains("demo-spa"));
        assertFalse(clients.body().contains("demo-service-secret"));
        assertTrue(withDemoToken.statusCode() == 401 || withDemoToken.statusCode() == 403, withDemoToken.body());
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    void sessionCreatedEventTravelsOverKafkaToFederation() throws Exception {
        double before = sessionCreatedEventsSeenByFederation();
        new CodeFlow().loginAndGetCode("alice", ArborSuite.ALICE_PASSWORD);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        double after = before;
        while (after <= before && Instant.now().isBefore(deadline)) {
            Thread.sleep(200); // polling a metric another process updates; no clock to inject here
            after = sessionCreatedEventsSeenByFederation();
        }
        assertTrue(after > before, "federation consumed session.created (" + before + " -> " + after + ")");
    }

    private static double sessionCreatedEventsSeenByFederation() {
        String metrics = new Http().get("http://localhost:8081/q/metrics").body();
        return metrics.lines()
                .filter(l -> l.startsWith("arbor_federation_session_events_total") && l.contains("session.created"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static JwtConsumer verifierFor(String audience) throws Exception {
        var jwks = new JsonWebKeySet(new Http().get("/realms/demo/oauth2/jwks").body());
        var builder = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer(ISSUER)
                .setRequireExpirationTime()
                .setRequireSubject();
        if (audience == null) {
            builder.setSkipDefaultAudienceValidation();
        } else {
            builder.setExpectedAudience(audience);
        }
        return builder.build();
    }

    private static JsonNode header(String jwt) throws Exception {
        return Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
