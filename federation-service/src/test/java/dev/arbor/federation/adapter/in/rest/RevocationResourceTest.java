package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.token.v1.RevokeTokenRequest;
import dev.arbor.federation.support.FakeTokenService;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RFC 7009 at {@code /realms/demo/oauth2/revoke}, against a fake token-service peer. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class RevocationResourceTest {
    private static final String REVOKE = "/realms/demo/oauth2/revoke";
    private static final String INTROSPECT = "/realms/demo/oauth2/introspect";

    private static boolean revokedAtTokenService(String jti) {
        return FakeTokenService.REVOKED.stream().anyMatch(r -> r.getJti().equals(jti));
    }

    private static void assertActive(String token, boolean active) {
        given().auth().preemptive().basic("test-service", "test-service-secret").formParam("token", token)
                .when().post(INTROSPECT).then().statusCode(200).body("active", equalTo(active));
    }

    @Test
    void clientRevokingItsOwnTokenIs200AndTheTokenIsRevokedAtTokenServiceAndRefusedHereAtOnce() {
        // Given an access token issued to test-rp
        String jti = "own-" + UUID.randomUUID();
        String token = TestTokens.accessToken().clientId("test-rp").jti(jti).build();
        assertActive(token, true);

        // When test-rp revokes it, with a hint
        given().auth().preemptive().basic("test-rp", "test-rp-secret")
                .formParam("token", token).formParam("token_type_hint", "access_token")
                .when().post(REVOKE)
                .then().statusCode(200).header("Cache-Control", "no-store");

        // Then token-service was told (realm, client, jti, exp), and this replica refuses the token
        RevokeTokenRequest sent = FakeTokenService.REVOKED.stream().filter(r -> r.getJti().equals(jti))
                .findFirst().orElseThrow();
        assertEquals("demo", sent.getRealm());
        assertEquals("test-rp", sent.getClientId());
        assertTrue(sent.getExpiresAt() > System.currentTimeMillis() / 1000);
        assertActive(token, false);
        given().header("Authorization", "Bearer " + token).when().get("/realms/demo/oauth2/userinfo")
                .then().statusCode(401).body("error", equalTo("invalid_token"));
    }

    @Test
    void publicClientMayRevokeItsOwnTokenByIdentifyingItself() {
        String jti = "spa-" + UUID.randomUUID();
        String token = TestTokens.accessToken().clientId("test-spa").jti(jti).build();

        given().formParam("client_id", "test-spa").formParam("token", token)
                .when().post(REVOKE).then().statusCode(200);

        assertTrue(revokedAtTokenService(jti));
    }

    @Test
    void revokingAnotherClientsTokenIs200AndRevokesNothing() {
        // Given a token issued to test-rp
        String jti = "victim-" + UUID.randomUUID();
        String token = TestTokens.accessToken().clientId("test-rp").jti(jti).build();

        // When test-service tries to revoke it
        given().auth().preemptive().basic("test-service", "test-service-secret").formParam("token", token)
                .when().post(REVOKE).then().statusCode(200);

        // Then nothing was revoked: the token is still active
        assertTrue(!revokedAtTokenService(jti));
        assertActive(token, true);
    }

    @Test
    void unknownMalformedOrExpiredTokensAre200() {
        for (String token : new String[] {"not-a-token", "a.b.c", TestTokens.accessToken().clientId("test-rp")
                .expiresIn(-600).build(), TestTokens.accessToken().clientId("test-rp")
                .issuer(TestTokens.issuerOf("admin")).build(), "x".repeat(20_000)}) {
            given().auth().preemptive().basic("test-rp", "test-rp-secret").formParam("token", token)
                    .when().post(REVOKE).then().statusCode(200);
        }
    }

    @Test
    void badClientCredentialsAre401InvalidClient() {
        String token = TestTokens.accessToken().clientId("test-rp").build();

        given().auth().preemptive().basic("test-rp", "wrong-secret").formParam("token", token)
                .when().post(REVOKE).then().statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("token", token)
                .when().post(REVOKE).then().statusCode(401).body("error", equalTo("invalid_client"));
        assertActive(token, true);
    }

    @Test
    void missingOrRepeatedTokenParameterIs400InvalidRequest() {
        given().auth().preemptive().basic("test-rp", "test-rp-secret").formParam("token_type_hint", "access_token")
                .when().post(REVOKE).then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic("test-rp", "test-rp-secret").formParam("token", "a").formParam("token", "b")
                .when().post(REVOKE).then().statusCode(400).body("error", equalTo("invalid_request"));
    }
}
