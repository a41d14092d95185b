package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class AdminClientsResourceTest {
    private static final String CLIENTS = "/admin/realms/demo/clients";

    /** An admin token obtained the real way: client_credentials of arbor-admin at the admin realm. */
    private static String adminToken(String scope) {
        return given().auth().preemptive().basic("arbor-admin", "test-admin-secret")
                .formParam("grant_type", "client_credentials").formParam("scope", scope)
                .when().post("/realms/admin/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void adminTokenListsTheRealmsClientsWithoutSecrets() {
        given().auth().oauth2(adminToken("arbor:admin"))
                .when().get(CLIENTS)
                .then().statusCode(200)
                .body("clientId", org.hamcrest.Matchers.hasItems("test-spa", "test-rp", "test-service", "test-jwt-client"))
                .body("find { it.clientId == 'test-spa' }.type", equalTo("public"))
                .body("find { it.clientId == 'test-rp' }.redirectUris[0]",
                        equalTo("http://localhost:9999/rp/callback?tenant=a"))
                .body("find { it.clientId == 'test-service' }.tokenEndpointAuthMethod", equalTo("client_secret_basic"))
                .body("find { it.clientId == 'test-jwt-client' }.jwks.keys.kid", containsInAnyOrder("rsa-1", "ec-1", "ed-1"))
                .body(not(containsString("secretHash")))
                .body(not(containsString("clientSecret")));
    }

    @Test
    void noTokenIs401ProblemJson() {
        given().when().get(CLIENTS)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void tokenOfTheDemoRealmIs401() {
        given().auth().oauth2(TestTokens.accessToken().clientId("arbor-admin").scope("arbor:admin").build())
                .when().get(CLIENTS)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void adminRealmTokenWithoutTheAdminScopeIs403() {
        given().auth().oauth2(adminToken("other"))
                .when().get(CLIENTS)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void adminRealmTokenOfAnotherClientIs403() {
        String token = TestTokens.accessToken().issuer(TestTokens.issuerOf("admin")).clientId("someone-else")
                .subject("someone-else").scope("arbor:admin").build();
        given().auth().oauth2(token).when().get(CLIENTS)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void unknownRealmWithAnAdminTokenIs404ProblemJson() {
        given().auth().oauth2(adminToken("arbor:admin"))
                .when().get("/admin/realms/nowhere/clients")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
