package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

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
class DiscoveryResourceTest {
    private static final String ISSUER = "http://localhost:8080/realms/demo";

    @Test
    void discoveryOfAnImportedRealmListsItsEndpointsAndCapabilities() {
        given().when().get("/realms/demo/.well-known/openid-configuration")
                .then().statusCode(200)
                .contentType("application/json")
                .body("issuer", equalTo(ISSUER))
                .body("authorization_endpoint", equalTo(ISSUER + "/oauth2/authorize"))
                .body("token_endpoint", equalTo(ISSUER + "/oauth2/token"))
                .body("userinfo_endpoint", equalTo(ISSUER + "/oauth2/userinfo"))
                .body("jwks_uri", equalTo(ISSUER + "/oauth2/jwks"))
                .body("response_types_supported", contains("code"))
                .body("response_modes_supported", contains("query", "fragment", "form_post", "web_message"))
                .body("grant_types_supported", containsInAnyOrder("authorization_code", "client_credentials", "refresh_token"))
                .body("subject_types_supported", contains("public"))
                .body("id_token_signing_alg_values_supported", contains("RS256", "PS256", "ES256", "EdDSA"))
                .body("token_endpoint_auth_methods_supported",
                        containsInAnyOrder("client_secret_basic", "client_secret_post", "private_key_jwt", "none"))
                .body("token_endpoint_auth_signing_alg_values_supported", contains("RS256", "PS256", "ES256", "EdDSA"))
                .body("code_challenge_methods_supported", contains("S256"))
                .body("scopes_supported", hasItems("openid", "profile", "email"))
                .body("claims_supported", hasItems("sub", "acr", "name", "email", "email_verified", "phone_number", "address", "birthdate"))
                .body("authorization_response_iss_parameter_supported", equalTo(true))
                .body("request_parameter_supported", equalTo(true))
                .body("request_uri_parameter_supported", equalTo(false))
                .body("claims_parameter_supported", equalTo(true))
                .body("request_object_signing_alg_values_supported", contains("RS256", "PS256", "ES256", "EdDSA"))
                .body("prompt_values_supported", containsInAnyOrder("none", "login", "consent", "select_account"))
                .body("pushed_authorization_request_endpoint", equalTo(ISSUER + "/oauth2/par"))
                .body("require_pushed_authorization_requests", equalTo(false));
    }

    @Test
    void discoveryListsRevocationAndIntrospectionEndpointsWithTheirAuthMethods() {
        given().when().get("/realms/demo/.well-known/openid-configuration")
                .then().statusCode(200)
                .body("revocation_endpoint", org.hamcrest.Matchers.equalTo("http://localhost:8080/realms/demo/oauth2/revoke"))
                .body("revocation_endpoint_auth_methods_supported",
                        org.hamcrest.Matchers.hasItems("client_secret_basic", "client_secret_post", "none"))
                .body("introspection_endpoint",
                        org.hamcrest.Matchers.equalTo("http://localhost:8080/realms/demo/oauth2/introspect"))
                .body("introspection_endpoint_auth_methods_supported",
                        containsInAnyOrder("client_secret_basic", "client_secret_post", "private_key_jwt"))
                .body("revocation_endpoint_auth_methods_supported", hasItems("private_key_jwt"))
                .body("introspection_endpoint_auth_signing_alg_values_supported", contains("RS256", "PS256", "ES256", "EdDSA"))
                .body("revocation_endpoint_auth_signing_alg_values_supported", contains("RS256", "PS256", "ES256", "EdDSA"));
    }

    @Test
    void discoveryOfAnUnknownRealmIs404ProblemJson() {
        given().when().get("/realms/nowhere/.well-known/openid-configuration")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("type", equalTo("about:blank"));
    }

    @Test
    void everyRealmEndpointOfAnUnknownRealmIs404ProblemJson() {
        given().when().get("/realms/nowhere/oauth2/jwks").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/realms/nowhere/oauth2/authorize?client_id=x").then().statusCode(404)
                .contentType("application/problem+json");
        given().formParam("grant_type", "client_credentials").when().post("/realms/nowhere/oauth2/token")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/realms/nowhere/oauth2/userinfo").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aRealmNameThatIsNotAnIdentifierIs404NotA500() {
        given().when().get("/realms/a%27%3B%20drop/.well-known/openid-configuration")
                .then().statusCode(404).contentType("application/problem+json")
                .body(not(containsString("Exception")));
    }

    @Test
    void jwksComesFromTokenServiceAndMayBeCachedFiveMinutesLessThanTheKeyPublishAhead() {
        given().when().get("/realms/demo/oauth2/jwks")
                .then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "public, max-age=300")
                .body("keys[0].kid", equalTo("test-key-1"))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].d", equalTo(null));
    }

    @Test
    void anUnknownPathIsProblemJsonNotAStackTrace() {
        given().when().get("/realms/demo/oauth2/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
