package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * OP certification items that only the whole suite can prove, because token-service decides them: code
 * replay revoking what the first redemption issued (OIDF {@code oidcc-codereuse}, RFC 6749 §4.1.2, RFC
 * 9700 §4.2.4), refresh tokens bound to their client ({@code oidcc-refresh-token}, RFC 9700 §4.14), the
 * entropy of codes and refresh tokens, and no CORS at the authorization endpoint through the gateway.
 * Numbered as in docs/reference/oidc.md.
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpCertificationEndToEndTest {
    private static final String TOKEN = "/realms/demo/oauth2/token";
    private static final String USERINFO = "/realms/demo/oauth2/userinfo";

    @Test
    @DisplayName("#28/#29 oidcc-codereuse (O9, O10): a replayed code is invalid_grant; the first access token is refused at UserInfo and introspection, its refresh token too")
    void replayedCodeRevokesWhatTheFirstRedemptionIssued() throws Exception {
        // Given demo-spa redeemed a code for an access and a refresh token that work
        var flow = new CodeFlow();
        String code = flow.loginAndGetCode("alice", ArborSuite.ALICE_PASSWORD);
        HttpResponse<String> first = flow.redeem(code, flow.verifier);
        assertEquals(200, first.statusCode(), first.body());
        String accessToken = Http.json(first).get("access_token").asText();
        String refreshToken = Http.json(first).get("refresh_token").asText();
        assertEquals(200, flow.http.get(USERINFO, accessToken).statusCode());

        // When the code is redeemed again
        HttpResponse<String> replay = flow.redeem(code, flow.verifier);

        // Then invalid_grant, RFC 6749 §5.2 JSON
        assertEquals(400, replay.statusCode());
        assertTrue(replay.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("invalid_grant", Http.json(replay).get("error").asText());
        // And the first access token is refused at UserInfo once token.revoked reached federation
        awaitTrue(() -> flow.http.get(USERINFO, accessToken).statusCode() == 401, "UserInfo refuses the first token");
        // And introspection calls it inactive, and its refresh token is dead (the family was revoked)
        HttpResponse<String> introspection = flow.http.postForm("/realms/demo/oauth2/introspect",
                Map.of("token", accessToken), basic("demo-service", "demo-service-secret"));
        assertEquals("{\"active\":false}", introspection.body());
        HttpResponse<String> refresh = flow.http.postForm(TOKEN, Map.of("grant_type", "refresh_token",
                "client_id", CodeFlow.CLIENT, "refresh_token", refreshToken), null);
        assertEquals(400, refresh.statusCode(), refresh.body());
        assertEquals("invalid_grant", Http.json(refresh).get("error").asText());
    }

    @Test
    @DisplayName("#37 oidcc-refresh-token (O17): client 2 cannot use client 1's refresh token; client 1 refreshes to JSON, no-store, Bearer, a new ID token and a printable rotated token")
    void refreshTokenIsBoundToItsClient() {
        // Given demo-spa holds a refresh token
        var flow = new CodeFlow();
        HttpResponse<String> tokens = flow.redeem(flow.loginAndGetCode("alice", ArborSuite.ALICE_PASSWORD), flow.verifier);
        String refreshToken = Http.json(tokens).get("refresh_token").asText();

        // When demo-rp, also allowed the refresh grant, presents it
        HttpResponse<String> stolen = flow.http.postForm(TOKEN, Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken), basic("demo-rp", "demo-rp-secret"));

        // Then invalid_grant, and the victim's token still works for the victim
        assertEquals(400, stolen.statusCode(), stolen.body());
        assertEquals("invalid_grant", Http.json(stolen).get("error").asText());
        HttpResponse<String> refreshed = flow.http.postForm(TOKEN, Map.of("grant_type", "refresh_token",
                "client_id", CodeFlow.CLIENT, "refresh_token", refreshToken), null);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertTrue(refreshed.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", refreshed.headers().firstValue("Cache-Control").orElse(""));
        JsonNode body = Http.json(refreshed);
        assertEquals("Bearer", body.get("token_type").asText());
        assertTrue(body.hasNonNull("id_token"), "an ID token after refresh");
        String rotated = body.get("refresh_token").asText();
        assertNotEquals(refreshToken, rotated);
        assertTrue(rotated.matches("[\\x20-\\x7E]+"), "RFC 6749 A.17: refresh-token = 1*VSCHAR");
    }

    @Test
    @DisplayName("O46: codes and refresh tokens carry at least 128 bits and never repeat")
    void codesAndRefreshTokensAreUnguessable() {
        var one = new CodeFlow();
        var two = new CodeFlow();
        String codeOne = one.loginAndGetCode("alice", ArborSuite.ALICE_PASSWORD);
        String codeTwo = two.loginAndGetCode("alice", ArborSuite.ALICE_PASSWORD);
        String refreshOne = Http.json(one.redeem(codeOne, one.verifier)).get("refresh_token").asText();
        String refreshTwo = Http.json(two.redeem(codeTwo, two.verifier)).get("refresh_token").asText();

        for (String value : new String[] {codeOne, codeTwo, refreshOne, refreshTwo}) {
            // base64url of 32 random bytes is 43 characters (RFC 6749 §10.10: at least 128 bits)
            assertTrue(value.matches("[A-Za-z0-9_-]{43,}"), value.length() + " characters");
        }
        assertNotEquals(codeOne, codeTwo);
        assertNotEquals(refreshOne, refreshTwo);
    }

    @Test
    @DisplayName("O29: the authorization endpoint answers no CORS through the gateway, even with an Origin")
    void authorizationEndpointAnswersNoCors() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI authorize = URI.create(ArborSuite.PUBLIC_URL + new CodeFlow().authorizeUrl());

        HttpResponse<String> get = client.send(HttpRequest.newBuilder(authorize).header("Origin", "https://evil.example")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> preflight = client.send(HttpRequest.newBuilder(authorize)
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(303, get.statusCode());
        for (HttpResponse<String> response : java.util.List.of(get, preflight)) {
            assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), response.headers().toString());
            assertTrue(response.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
        }
    }

    /** Polls another process's asynchronous effect (Kafka to federation); no clock to inject here. */
    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(200);
        }
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
