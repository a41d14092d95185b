package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of federation-service and of token-service on one suite: the first pair is the one
 * {@code ./arbor up} starts (federation :8081 → token :8083), the second is started here with
 * {@code ./arbor replica} (federation :18281 → token :18283). Both pairs share PostgreSQL, Redis and
 * Kafka, as replicas in a cluster do; each federation replica keeps its own in-memory deny-set.
 *
 * <p>Revocation reaches every replica (issue #3 item 7, RFC 7009 §2); a code replayed at the other
 * replica is refused and revokes what the code gave (RFC 6749 §4.1.2, §10.5); a refresh token used
 * concurrently at both replicas is rotated exactly once (RFC 9700 §4.14.2).
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReplicasTest {
    private static final String FEDERATION_1 = "http://127.0.0.1:8081";
    private static final String FEDERATION_2 = "http://127.0.0.1:18281";
    private static final List<String> BOTH = List.of(FEDERATION_1, FEDERATION_2);
    private static final String SERVICE_AUTH = basic("demo-service", "demo-service-secret");
    /** Kafka delivers token.revoked within milliseconds; this only bounds a failing run. */
    private static final Duration PROPAGATION_DEADLINE = Duration.ofSeconds(15);

    private final Http http = new Http();

    @BeforeAll
    static void startTheSecondReplicas() {
        ArborSuite.launcher("replica", "token-service", "--port", "18283");
        ArborSuite.launcher("replica", "federation-service", "--port", "18281",
                "--peer", "token-service=127.0.0.1:18283");
    }

    @AfterAll
    static void stopTheSecondReplicas() {
        ArborSuite.launcher("down", "federation-service@18281");
        ArborSuite.launcher("down", "token-service@18283");
    }

    @Test
    void revokeAtOneReplicaThenTokenInactiveOnBothReplicas() {
        String accessToken = clientCredentialsToken(FEDERATION_1);
        BOTH.forEach(replica -> assertEquals(true, Http.json(introspect(replica, accessToken)).get("active").asBoolean(),
                "active at " + replica + " before the revocation"));

        HttpResponse<String> revoke = http.postForm(FEDERATION_1 + "/realms/demo/oauth2/revoke",
                Map.of("token", accessToken, "token_type_hint", "access_token"), SERVICE_AUTH);

        assertEquals(200, revoke.statusCode(), revoke.body());
        BOTH.forEach(replica -> assertInactiveWithinDeadline(replica, accessToken));
    }

    @Test
    void codeRedeemedAtOneReplicaAndReplayedAtTheOtherThenInvalidGrantAndFirstTokenRevokedOnBoth() {
        var flow = new CodeFlow();
        String code = flow.loginAndGetCode("alice", ArborSuite.ALICE_PASSWORD);

        HttpResponse<String> first = redeem(FEDERATION_1, flow, code);
        assertEquals(200, first.statusCode(), first.body());
        String accessToken = Http.json(first).get("access_token").asText();
        assertEquals(true, Http.json(introspect(FEDERATION_2, accessToken)).get("active").asBoolean(),
                "the other replica accepts the token before the replay");

        HttpResponse<String> replay = redeem(FEDERATION_2, flow, code);

        assertEquals(400, replay.statusCode(), replay.body());
        assertEquals("invalid_grant", Http.json(replay).get("error").asText());
        BOTH.forEach(replica -> assertInactiveWithinDeadline(replica, accessToken));
    }

    @Test
    void sixteenConcurrentRefreshesOfOneTokenAtBothReplicasThenExactlyOneSucceeds() throws Exception {
        var flow = new CodeFlow();
        HttpResponse<String> tokens = redeem(FEDERATION_1, flow, flow.loginAndGetCode("alice", ArborSuite.ALICE_PASSWORD));
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertTrue(Http.json(tokens).hasNonNull("refresh_token"),
                CodeFlow.CLIENT + " needs the refresh_token grant in deploy/local/realms/demo.yaml: " + tokens.body());
        String refreshToken = Http.json(tokens).get("refresh_token").asText();

        int attempts = 16;
        var start = new CyclicBarrier(attempts);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts; i++) {
                String replica = BOTH.get(i % 2);
                var client = new Http();
                answers.add(threads.submit(() -> {
                    start.await();
                    return client.postForm(replica + "/realms/demo/oauth2/token", Map.of(
                            "grant_type", "refresh_token",
                            "refresh_token", refreshToken,
                            "client_id", CodeFlow.CLIENT), null);
                }));
            }
        }

        int winners = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 200) {
                winners++;
            } else {
                assertEquals(400, response.statusCode(), response.body());
                assertEquals("invalid_grant", Http.json(response).get("error").asText());
            }
        }
        assertEquals(1, winners, "exactly one of " + attempts + " concurrent refreshes wins");
    }

    private String clientCredentialsToken(String replica) {
        HttpResponse<String> response = http.postForm(replica + "/realms/demo/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "api"), SERVICE_AUTH);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).get("access_token").asText();
    }

    private HttpResponse<String> redeem(String replica, CodeFlow flow, String code) {
        return http.postForm(replica + "/realms/demo/oauth2/token", Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", CodeFlow.REDIRECT_URI,
                "client_id", CodeFlow.CLIENT,
                "code_verifier", flow.verifier), null);
    }

    private HttpResponse<String> introspect(String replica, String token) {
        HttpResponse<String> response = http.postForm(replica + "/realms/demo/oauth2/introspect",
                Map.of("token", token), SERVICE_AUTH);
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /** RFC 7662 §2.2: a revoked token is exactly {"active":false}. Polls: the deny-set is fed by Kafka. */
    private void assertInactiveWithinDeadline(String replica, String token) {
        Instant deadline = Instant.now().plus(PROPAGATION_DEADLINE);
        String body = introspect(replica, token).body();
        while (!body.equals("{\"active\":false}") && Instant.now().isBefore(deadline)) {
            pause();
            body = introspect(replica, token).body();
        }
        assertEquals("{\"active\":false}", body, "introspection at " + replica);
    }

    private static void pause() {
        try {
            Thread.sleep(20); // another process updates the deny-set; there is no clock to inject here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
