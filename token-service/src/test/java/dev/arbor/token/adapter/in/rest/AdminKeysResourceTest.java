package dev.arbor.token.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.TokenPolicy;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import dev.arbor.token.support.JwksVerifier;
import dev.arbor.token.support.TestGrants;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys admin API: admin-realm tokens only (401/403), problem+json errors, rotation and listing. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class AdminKeysResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("token")
    TokenService token;

    @Test
    void withoutTokenThen401WithBearerChallenge() {
        given().when().post("/admin/realms/demo/keys/rotate")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"admin\""));
    }

    @Test
    void withForgedOrForeignTokenThen401InvalidToken() {
        String foreignRealm = clientToken("demo", "arbor-admin", "arbor:admin", "ES256");
        for (String bad : List.of("not-a-jwt", foreignRealm, foreignRealm.substring(0, foreignRealm.length() - 4) + "AAAA")) {
            given().header("Authorization", "Bearer " + bad)
                    .when().get("/admin/realms/demo/keys")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""))
                    .body("status", equalTo(401));
        }
    }

    @Test
    void adminRealmTokenWithoutTheAdminGrantThen403InsufficientScope() {
        String noScope = clientToken("admin", "arbor-admin", "openid", "");
        String otherClient = clientToken("admin", "some-service", "arbor:admin", "");

        for (String jwt : List.of(noScope, otherClient)) {
            given().header("Authorization", "Bearer " + jwt)
                    .when().post("/admin/realms/demo/keys/rotate")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("error=\"insufficient_scope\""));
        }
    }

    @Test
    void rotateWithUnknownAlgThen400() {
        for (String alg : List.of("HS256", "none", "es256")) {
            given().header("Authorization", "Bearer " + adminToken()).queryParam("alg", alg)
                    .when().post("/admin/realms/demo/keys/rotate")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Bad Request"));
        }
    }

    @Test
    void rotateThenNewKidInJwksAndListedAsNextWithoutPrivateMaterial() throws Exception {
        // Given a realm signing with its first EdDSA key
        String old = JwksVerifier.kid(clientToken("keys-admin", "rp", "api", "EdDSA"));

        // When an administrator rotates the realm's keys
        JsonPath rotated = given().header("Authorization", "Bearer " + adminToken())
                .when().post("/admin/realms/keys-admin/keys/rotate")
                .then().statusCode(200).contentType("application/json")
                .body("rotated", hasSize(1))
                .body("rotated[0].alg", equalTo("EdDSA"))
                .extract().jsonPath();
        String next = rotated.getString("rotated[0].kid");
        Instant activatesAt = Instant.parse(rotated.getString("rotated[0].activatesAt"));

        // Then the new kid is published at once, activates after the publish-ahead, the old key still signs
        assertTrue(jwks("keys-admin").contains(next));
        assertTrue(activatesAt.isAfter(Instant.now().plus(Duration.ofMinutes(6))));
        assertEquals(old, JwksVerifier.kid(clientToken("keys-admin", "rp", "api", "EdDSA")));
        String listing = given().header("Authorization", "Bearer " + adminToken())
                .when().get("/admin/realms/keys-admin/keys")
                .then().statusCode(200)
                .body("keys", hasSize(2))
                .body("keys.find { it.kid == '" + next + "' }.state", equalTo("next"))
                .body("keys.find { it.kid == '" + old + "' }.state", equalTo("active"))
                .body("keys.find { it.kid == '" + old + "' }.activatesAt", notNullValue())
                .body(not(containsString("\"d\"")))
                .extract().asString();
        assertTrue(!listing.contains("sealed") && !listing.contains("private"), listing);
    }

    @Test
    void rotateOneAlgLeavesTheOthers() {
        clientToken("keys-one", "rp", "api", "RS256");
        clientToken("keys-one", "rp", "api", "ES256");

        given().header("Authorization", "Bearer " + adminToken()).queryParam("alg", "ES256")
                .when().post("/admin/realms/keys-one/keys/rotate")
                .then().statusCode(200)
                .body("rotated", hasSize(1))
                .body("rotated[0].alg", equalTo("ES256"));

        List<Map<String, Object>> keys = given().header("Authorization", "Bearer " + adminToken())
                .when().get("/admin/realms/keys-one/keys")
                .then().statusCode(200).extract().jsonPath().getList("keys");
        assertEquals(1, keys.stream().filter(k -> k.get("alg").equals("RS256")).count());
        assertEquals(2, keys.stream().filter(k -> k.get("alg").equals("ES256")).count());
    }

    private String adminToken() {
        return clientToken("admin", "arbor-admin", "arbor:admin", "");
    }

    private String clientToken(String realm, String clientId, String scope, String alg) {
        return token.issueClientCredentialsToken(TestGrants.clientCredentials(realm, clientId)
                        .clearScopes().addScopes(scope)
                        .setPolicy(TokenPolicy.newBuilder().setSigningAlg(alg)).build())
                .await().atMost(WAIT).getTokens().getAccessToken();
    }

    private String jwks(String realm) {
        return token.getJwks(GetJwksRequest.newBuilder().setRealm(realm).build()).await().atMost(WAIT).getJwksJson();
    }
}
