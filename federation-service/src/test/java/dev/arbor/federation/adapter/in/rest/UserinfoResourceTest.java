package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.contracts.events.Topics;
import dev.arbor.federation.support.Eventually;
import dev.arbor.federation.support.TestKeys;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class UserinfoResourceTest {
    private static final String USERINFO = "/realms/demo/oauth2/userinfo";

    private static io.restassured.response.Response userinfo(String token) {
        return given().header("Authorization", "Bearer " + token).when().get(USERINFO);
    }

    private static void assertInvalidToken(String token) {
        userinfo(token).then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer error=\"invalid_token\""))
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void validTokenGetsTheClaimsItsScopesRelease() {
        userinfo(TestTokens.accessToken().scope("openid profile email").build())
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("sub", equalTo("alice"))
                .body("name", equalTo("Alice Liddell"))
                .body("given_name", equalTo("Alice"))
                .body("email", equalTo("alice@example.com"))
                .body("email_verified", equalTo(true))
                .body("phone_number", nullValue());
    }

    @Test
    void profileScopeAloneReleasesNoEmail() {
        given().header("Authorization", "Bearer " + TestTokens.accessToken().scope("openid profile").build())
                .when().post(USERINFO)
                .then().statusCode(200).body("name", equalTo("Alice Liddell")).body("email", nullValue());
    }

    @Test
    void claimsNamedInTheTokensUserinfoClaimsAreReleasedButOnlyStandardOnes() {
        // OIDC Core §5.5: claims.userinfo names travel in the access token's userinfo_claims
        userinfo(TestTokens.accessToken().scope("openid")
                .userinfoClaims(java.util.List.of("phone_number", "password_hash", "sub")).build())
                .then().statusCode(200)
                .body("sub", equalTo("alice"))
                .body("phone_number", equalTo("+44 not released"))
                .body("password_hash", nullValue())
                .body("name", nullValue())
                .body("email", nullValue());
    }

    @Test
    void expiredTokenIsInvalidToken() {
        assertInvalidToken(TestTokens.accessToken().expiresIn(-600).build());
    }

    @Test
    void tokenSignedWithAnotherKeyUnderTheSameKidIsInvalidToken() {
        assertInvalidToken(TestTokens.accessToken().signedWith(TestKeys.FORGED_SAME_KID).build());
    }

    @Test
    void tokenSignedWithAnUnknownKidIsInvalidToken() {
        assertInvalidToken(TestTokens.accessToken().signedWith(TestKeys.UNKNOWN_KID).build());
    }

    @Test
    void tokenOfAnotherIssuerIsInvalidToken() {
        assertInvalidToken(TestTokens.accessToken().issuer(TestTokens.issuerOf("admin")).build());
        assertInvalidToken(TestTokens.accessToken().issuer("https://evil.example/realms/demo").build());
    }

    @Test
    void idTokenTypedJwtIsNotAnAccessToken() {
        assertInvalidToken(TestTokens.accessToken().type("JWT").build());
    }

    @Test
    void garbageIsInvalidTokenNotA500() {
        assertInvalidToken("not.a.jwt");
        assertInvalidToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.");
    }

    @Test
    void missingTokenIs401WithABareBearerChallenge() {
        given().when().get(USERINFO).then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void tokenWithoutOpenidIsInsufficientScope() {
        userinfo(TestTokens.accessToken().scope("profile").build())
                .then().statusCode(403)
                .header("WWW-Authenticate", containsString("insufficient_scope"))
                .body("error", equalTo("insufficient_scope"));
    }

    @Test
    void tokenOfAnUnknownSubjectIsInvalidToken() {
        assertInvalidToken(TestTokens.accessToken().subject("mallory").build());
    }

    @Test
    void afterSessionEndedIsPublishedTheSessionsTokensAreRefused() throws Exception {
        String sid = "sid-" + UUID.randomUUID();
        String token = TestTokens.accessToken().sessionId(sid).build();
        userinfo(token).then().statusCode(200);

        publish(sid, "{not json at all");
        publish(sid, EventJson.write(new SessionEvent.Ended(UUID.randomUUID().toString(), Instant.now(), "demo",
                sid, "alice", "logout")));

        Eventually.await(Duration.ofSeconds(30), () -> userinfo(token).statusCode() == 401,
                "userinfo refuses a token whose session ended");
        assertInvalidToken(token);
        userinfo(TestTokens.accessToken().sessionId("sid-other").build()).then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("arbor_federation_session_events_total{type=\"session.ended\""))
                .body(containsString("arbor_federation_session_events_total{type=\"malformed\""));
    }

    private static void publish(String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.SESSION, key, value)).get();
        }
    }
}
