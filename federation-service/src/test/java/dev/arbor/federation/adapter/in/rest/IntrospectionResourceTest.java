package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.contracts.events.TokenEvent;
import dev.arbor.contracts.events.Topics;
import dev.arbor.federation.support.Eventually;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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

/** RFC 7662 at {@code /realms/demo/oauth2/introspect}: answered from memory, inactive is exactly {"active":false}. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class IntrospectionResourceTest {
    private static final String INTROSPECT = "/realms/demo/oauth2/introspect";
    private static final String INACTIVE = "{\"active\":false}";

    private static Response introspect(String token) {
        return given().auth().preemptive().basic("test-service", "test-service-secret").formParam("token", token)
                .when().post(INTROSPECT);
    }

    private static void assertInactive(String token) {
        Response response = introspect(token);
        response.then().statusCode(200).header("Cache-Control", "no-store");
        assertEquals(INACTIVE, response.asString(), "token: " + token.substring(0, Math.min(40, token.length())));
    }

    @Test
    void activeTokenIsDescribedWithItsClaims() {
        String jti = "active-" + UUID.randomUUID();
        String token = TestTokens.accessToken().clientId("test-rp").subject("alice").scope("openid profile")
                .jti(jti).build();

        introspect(token).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("active", equalTo(true))
                .body("scope", equalTo("openid profile"))
                .body("client_id", equalTo("test-rp"))
                .body("sub", equalTo("alice"))
                .body("aud", equalTo("test-rp"))
                .body("iss", equalTo(TestTokens.issuerOf("demo")))
                .body("jti", equalTo(jti))
                .body("token_type", equalTo("Bearer"))
                .body("exp", org.hamcrest.Matchers.greaterThan((int) (System.currentTimeMillis() / 1000)))
                .body("iat", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void afterTokenRevokedIsPublishedTheTokenIsInactiveAndRefusedByUserinfo() throws Exception {
        // Given an active token
        String jti = "evented-" + UUID.randomUUID();
        String token = TestTokens.accessToken().jti(jti).build();
        introspect(token).then().body("active", equalTo(true));

        // When token-service announces its revocation on arbor.token.v1 (after a malformed record)
        publish(jti, "{not json");
        publish(jti, EventJson.write(new TokenEvent.Revoked(UUID.randomUUID().toString(), Instant.now(), "demo", jti,
                Instant.now().plusSeconds(300), "test-spa")));

        // Then this replica's deny-set refuses it: introspection inactive, userinfo 401 invalid_token
        Eventually.await(Duration.ofSeconds(30), () -> INACTIVE.equals(introspect(token).asString()),
                "introspection sees the revocation");
        given().header("Authorization", "Bearer " + token).when().get("/realms/demo/oauth2/userinfo")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
        introspect(TestTokens.accessToken().build()).then().body("active", equalTo(true));
    }

    @Test
    void revocationListedByTokenServiceAtStartUpIsInactiveWithoutAnyEvent() throws Exception {
        String token = TestTokens.accessToken().jti(FakeTokenService.BOOTSTRAP_JTI).build();

        // start-up loads the list asynchronously; readiness says when it is done
        Eventually.await(Duration.ofSeconds(30), () -> given().when().get("/q/health/ready").statusCode() == 200,
                "the replica becomes ready once the revocations are loaded");
        assertInactive(token);
        given().when().get("/q/health/ready").then().body("checks.find { it.name == 'token revocations loaded' }.status",
                equalTo("UP"));
    }

    @Test
    void tokenOfAnEndedSessionIsInactive() throws Exception {
        String sid = "sid-" + UUID.randomUUID();
        String token = TestTokens.accessToken().sessionId(sid).build();
        introspect(token).then().body("active", equalTo(true));

        publishTo(Topics.SESSION, sid, EventJson.write(new SessionEvent.Ended(UUID.randomUUID().toString(),
                Instant.now(), "demo", sid, "alice", "logout")));

        Eventually.await(Duration.ofSeconds(30), () -> INACTIVE.equals(introspect(token).asString()),
                "introspection sees the ended session");
    }

    // Malformed, forged, foreign, expired and oversized tokens: BadInputSweepTest sweeps support/BadTokens
    // through this endpoint (each exactly {"active":false}), through revocation and through userinfo.

    @Test
    void unauthenticatedOrPublicClientIs401InvalidClient() {
        String token = TestTokens.accessToken().build();

        given().formParam("token", token).when().post(INTROSPECT)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("token", token).formParam("client_id", "test-spa").when().post(INTROSPECT)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic("test-service", "wrong").formParam("token", token).when().post(INTROSPECT)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void missingOrRepeatedTokenIs400InvalidRequest() {
        given().auth().preemptive().basic("test-service", "test-service-secret").when().post(INTROSPECT)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic("test-service", "test-service-secret")
                .formParam("token", "a").formParam("token", "b").when().post(INTROSPECT)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    private static void publish(String key, String value) throws Exception {
        publishTo(Topics.TOKEN, key, value);
    }

    private static void publishTo(String topic, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(props)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }
}
