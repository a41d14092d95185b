package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An admin write answers only once the broker acknowledged its {@code client.changed}: here the
 * producer of {@code arbor.config.v1} points at a port where no broker listens, so the write is
 * stored but the answer is 503 problem+json, and a created client's secret is not shown.
 */
@QuarkusTest
@TestProfile(AdminClientWriteUnannouncedTest.NoBrokerForConfigChanges.class)
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class AdminClientWriteUnannouncedTest {
    private static final String CLIENTS = "/admin/realms/demo/clients";

    public static class NoBrokerForConfigChanges implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.config-changes.bootstrap.servers", "127.0.0.1:1",
                    "mp.messaging.outgoing.config-changes.max.block.ms", "1000",
                    "mp.messaging.outgoing.config-changes.request.timeout.ms", "1000",
                    "mp.messaging.outgoing.config-changes.delivery.timeout.ms", "2000");
        }
    }

    private static String adminToken() {
        return given().auth().preemptive().basic("arbor-admin", "test-admin-secret")
                .formParam("grant_type", "client_credentials").formParam("scope", "arbor:admin")
                .when().post("/realms/admin/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void rotationThatCannotBeAnnouncedIs503AndShowsNoSecret() {
        given().auth().oauth2(adminToken()).when().post(CLIENTS + "/test-service/secret")
                .then().statusCode(503).contentType("application/problem+json").body("status", equalTo(503))
                .body(not(containsString("clientSecret")));
    }

    @Test
    void creationThatCannotBeAnnouncedIs503AndShowsNoSecret() {
        given().auth().oauth2(adminToken()).contentType("application/json")
                .body("{\"clientId\":\"unannounced\",\"type\":\"confidential\",\"grantTypes\":[\"client_credentials\"]}")
                .when().post(CLIENTS)
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("rotate")).body(not(containsString("clientSecret")));
    }

    /** The same for a SAML key activation: stored and signing on this replica, but 503 because the others were not told. */
    @Test
    void samlKeyActivationThatCannotBeAnnouncedIs503YetTheKeyIsCurrent() {
        String token = adminToken();
        String keys = "/admin/realms/saml-test/saml-keys";
        String next = given().auth().oauth2(token).when().post(keys + "/signing/next")
                .then().statusCode(200).extract().path("keyId"); // publishing needs no announcement

        given().auth().oauth2(token).when().post(keys + "/signing/activate")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("saml-key-cache-ttl"));

        given().auth().oauth2(token).queryParam("use", "signing").when().get(keys)
                .then().statusCode(200).body("keys[0].keyId", equalTo(next)).body("keys[0].state", equalTo("current"));
    }
}
