package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.SPA_REDIRECT;
import static dev.arbor.federation.adapter.in.rest.OpFlows.RP;
import static dev.arbor.federation.adapter.in.rest.OpFlows.TOKEN;
import static dev.arbor.federation.adapter.in.rest.OpFlows.codeFromSession;
import static dev.arbor.federation.adapter.in.rest.OpFlows.redeemSpa;
import static dev.arbor.federation.adapter.in.rest.OpFlows.userinfo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.TokenEvent;
import dev.arbor.contracts.events.Topics;
import dev.arbor.federation.support.Eventually;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.ManualAppClock;
import dev.arbor.federation.support.Pkce;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * OIDF {@code oidcc-codereuse} and {@code oidcc-codereuse-30seconds} (RFC 6749 §4.1.2, RFC 9700 §4.2.4):
 * the second redemption of a code is {@code invalid_grant} in the §5.2 JSON format, and the tokens of the
 * first are revoked, so UserInfo and introspection refuse the first access token. Time passes on the
 * application's clock ({@link ManualAppClock}), never by sleeping. The fake token-service does what
 * token-service does on a replay (publishes {@code token.revoked}); token-service's own side is proven by
 * its RevocationTest and RefreshTokenGrantTest, and end to end by system-tests' OpCertificationEndToEndTest.
 */
@QuarkusTest
@TestProfile(OpCertificationCodeReuseTest.ManualClockProfile.class)
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class OpCertificationCodeReuseTest {
    private static final String INTROSPECT = "/realms/demo/oauth2/introspect";
    private static final String REFRESH_CLIENT = "test-refresh-spa";
    private static final String REFRESH_REDIRECT = "http://localhost:9999/refresh-spa/callback";

    @Inject
    Clock clock;

    public static class ManualClockProfile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ManualAppClock.class);
        }
    }

    @Test
    @DisplayName("#28 oidcc-codereuse (O9): a code redeemed twice at once is invalid_grant and the first access token is refused")
    void codeReusedAtOnceIsInvalidGrantAndRevokesTheFirstToken() throws Exception {
        // Given a code redeemed once
        String code = codeFromSession(Map.of(), FakeSessionStore.aliceSession("demo", 5));
        String accessToken = redeemSpa(code).then().statusCode(200).extract().path("access_token");
        userinfo(accessToken).then().statusCode(200);

        // When it is redeemed again
        assertInvalidGrant(redeemSpa(code));

        // Then the access token of the first redemption is refused at UserInfo
        Eventually.await(Duration.ofSeconds(30), () -> userinfo(accessToken).statusCode() == 401,
                "UserInfo refuses the first access token");
        userinfo(accessToken).then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    @DisplayName("#29 oidcc-codereuse-30seconds (O9, O10): 30 s later the replay is invalid_grant JSON; the first AT is refused at UserInfo and introspection, its refresh token too")
    void codeReusedAfterThirtySecondsIsInvalidGrantAndRevokesEverythingItIssued() throws Exception {
        // Given test-refresh-spa redeemed a code for an access and a refresh token
        String code = codeFromSession(Map.of("client_id", REFRESH_CLIENT, "redirect_uri", REFRESH_REDIRECT),
                FakeSessionStore.aliceSession("demo", 5));
        JsonPath tokens = redeem(REFRESH_CLIENT, REFRESH_REDIRECT, code).then().statusCode(200).extract().jsonPath();
        String accessToken = tokens.getString("access_token");
        String refreshToken = tokens.getString("refresh_token");
        userinfo(accessToken).then().statusCode(200);

        // When 30 seconds pass on the application's clock and the code is redeemed again
        assertSame(ManualAppClock.CLOCK, clock, "the application runs on the test clock");
        Instant before = clock.instant();
        ManualAppClock.CLOCK.advance(Duration.ofSeconds(30));
        assertEquals(before.plusSeconds(30), clock.instant());
        assertInvalidGrant(redeem(REFRESH_CLIENT, REFRESH_REDIRECT, code));

        // Then UserInfo refuses the first access token (RFC 6749 §4.1.2 "SHOULD revoke")
        Eventually.await(Duration.ofSeconds(30), () -> userinfo(accessToken).statusCode() == 401,
                "UserInfo refuses the first access token");
        userinfo(accessToken).then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"));
        // And introspection says exactly inactive (RFC 7662 §2.2)
        given().auth().preemptive().basic("test-service", "test-service-secret").formParam("token", accessToken)
                .when().post(INTROSPECT).then().statusCode(200).body(equalTo("{\"active\":false}"));
        // And the refresh token of that redemption no longer refreshes
        given().formParam("grant_type", "refresh_token").formParam("client_id", REFRESH_CLIENT)
                .formParam("refresh_token", refreshToken).when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    @DisplayName("O11: a leaked code replayed by another client is refused and revokes nothing of the victim's")
    void codeReplayedByAnotherClientRevokesNothing() throws Exception {
        // Given test-spa redeemed its code
        String code = codeFromSession(Map.of(), FakeSessionStore.aliceSession("demo", 5));
        String accessToken = redeemSpa(code).then().statusCode(200).extract().path("access_token");

        // When test-rp (wrong secret, then its right secret) and test-refresh-spa replay it
        given().auth().preemptive().basic(RP, "guessed").formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", SPA_REDIRECT).when().post(TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic(RP, OpFlows.RP_SECRET).formParam("grant_type", "authorization_code")
                .formParam("code", code).formParam("redirect_uri", SPA_REDIRECT).when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertInvalidGrant(redeem(REFRESH_CLIENT, SPA_REDIRECT, code));

        // Then, once a later revocation on the same partition has been read, the victim's token still works
        String sentinel = TestTokens.accessToken().jti("sentinel-" + UUID.randomUUID()).build();
        publishRevocation(jtiOf(accessToken), jtiOf(sentinel));
        Eventually.await(Duration.ofSeconds(30), () -> userinfo(sentinel).statusCode() == 401,
                "the sentinel revocation was read");
        userinfo(accessToken).then().statusCode(200).body("sub", equalTo("alice"));
    }

    private static Response redeem(String clientId, String redirectUri, String code) {
        return given().formParam("grant_type", "authorization_code").formParam("client_id", clientId)
                .formParam("code", code).formParam("redirect_uri", redirectUri)
                .formParam("code_verifier", Pkce.VERIFIER).when().post(TOKEN);
    }

    /** RFC 6749 §5.2: 400, JSON, not cached, error invalid_grant. */
    private static void assertInvalidGrant(Response response) {
        response.then().statusCode(400)
                .contentType(containsString("application/json"))
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_grant"))
                .body("error_description", notNullValue());
    }

    private static String jtiOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString("jti");
    }

    /** A token.revoked for {@code jti}, keyed by {@code key} (the partition token-service would use for it). */
    private static void publishRevocation(String key, String jti) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(props)) {
            producer.send(new ProducerRecord<>(Topics.TOKEN, key, EventJson.write(new TokenEvent.Revoked(
                    UUID.randomUUID().toString(), Instant.now(), "demo", jti, Instant.now().plusSeconds(300),
                    "test-spa")))).get();
        }
    }
}
