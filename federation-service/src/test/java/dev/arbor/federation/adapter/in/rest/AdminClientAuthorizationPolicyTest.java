package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.arbor.federation.support.Pkce;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admin API: a client's response modes and require_pushed_authorization_requests, stored (V6) and enforced. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class AdminClientAuthorizationPolicyTest {
    private static final String CLIENTS = "/admin/realms/demo/clients";

    private static RequestSpecification asAdmin() {
        String token = given().auth().preemptive().basic("arbor-admin", "test-admin-secret")
                .formParam("grant_type", "client_credentials").formParam("scope", "arbor:admin")
                .when().post("/realms/admin/oauth2/token")
                .then().statusCode(200).extract().path("access_token");
        return given().auth().oauth2(token).contentType("application/json");
    }

    private static String spa(String id, String extra) {
        return """
                {"clientId":"%s","type":"public","redirectUris":["https://app.example/cb"],
                 "grantTypes":["authorization_code"],"scopes":["openid"]%s}
                """.formatted(id, extra);
    }

    @Test
    void newClientAllowsEveryModeAndDoesNotRequireParByDefault() {
        asAdmin().body(spa("modes-" + UUID.randomUUID(), "")).when().post(CLIENTS)
                .then().statusCode(201)
                .body("responseModes", contains("query", "fragment", "form_post", "web_message"))
                .body("requirePushedAuthorizationRequests", equalTo(false));
    }

    @Test
    void restrictedModesAreStoredListedAndEnforcedAtAuthorize() {
        String id = "modes-" + UUID.randomUUID();
        asAdmin().body(spa(id, ",\"responseModes\":[\"form_post\"],\"requirePushedAuthorizationRequests\":true"))
                .when().post(CLIENTS)
                .then().statusCode(201).body("responseModes", contains("form_post"))
                .body("requirePushedAuthorizationRequests", equalTo(true));

        asAdmin().when().get(CLIENTS).then().statusCode(200)
                .body("find { it.clientId == '" + id + "' }.responseModes", contains("form_post"))
                .body("find { it.clientId == '" + id + "' }.requirePushedAuthorizationRequests", equalTo(true));
        given().redirects().follow(false)
                .queryParam("response_type", "code").queryParam("client_id", id)
                .queryParam("redirect_uri", "https://app.example/cb").queryParam("scope", "openid")
                .queryParam("code_challenge", Pkce.CHALLENGE).queryParam("code_challenge_method", "S256")
                .queryParam("response_mode", "fragment")
                .when().get("/realms/demo/oauth2/authorize")
                .then().statusCode(303).header("Location", startsWith("https://app.example/cb?error=invalid_request"));
    }

    @Test
    void unknownModeOrNonBooleanParSettingIs400ProblemJson() {
        String[][] cases = {
                {spa("x", ",\"responseModes\":[\"jwt\"]"), "unknown response mode jwt"},
                {spa("x", ",\"responseModes\":\"query\""), "responseModes must be an array"},
                {spa("x", ",\"requirePushedAuthorizationRequests\":\"yes\""), "requirePushedAuthorizationRequests"},
        };
        for (String[] c : cases) {
            asAdmin().body(c[0]).when().post(CLIENTS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString(c[1]));
        }
    }
}
