package dev.arbor.federation.adapter.in.rest;

import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.SPA_REDIRECT;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.flowIdOf;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.query;
import static dev.arbor.federation.adapter.in.rest.AuthorizeResourceTest.spaRequest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.Pkce;
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
class TokenResourceTest {
    private static final String TOKEN = "/realms/demo/oauth2/token";

    /** Runs the front channel to the end and returns a fresh code for test-spa. */
    static String codeForSpa() {
        String flow = flowIdOf(spaRequest().when().get("/realms/demo/oauth2/authorize").header("Location"));
        String location = given().redirects().follow(false).queryParam("flow", flow)
                .cookie("arbor_session", FakeSessionStore.aliceSession("demo", 0).getId())
                .when().get("/realms/demo/oauth2/authorize/resume").header("Location");
        return query(location).get("code");
    }

    @Test
    void authorizationCodeOfAPublicClientWithVerifierGivesTokensThatAreNotCached() {
        given().formParam("grant_type", "authorization_code").formParam("client_id", "test-spa")
                .formParam("code", codeForSpa()).formParam("redirect_uri", SPA_REDIRECT)
                .formParam("code_verifier", Pkce.VERIFIER)
                .when().post(TOKEN)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("access_token", notNullValue())
                .body("token_type", equalTo("Bearer"))
                .body("id_token", notNullValue())
                .body("scope", equalTo("openid profile email"));
    }

    @Test
    void errorFromTokenServiceIsPropagatedAsInvalidGrant() {
        given().formParam("grant_type", "authorization_code").formParam("client_id", "test-spa")
                .formParam("code", "not-a-code").formParam("redirect_uri", SPA_REDIRECT)
                .formParam("code_verifier", Pkce.VERIFIER)
                .when().post(TOKEN)
                .then().statusCode(400)
                .header("Cache-Control", "no-store")
                .contentType("application/json")
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void authorizationCodeWithoutCodeIsInvalidRequest() {
        given().formParam("grant_type", "authorization_code").formParam("client_id", "test-spa")
                .formParam("redirect_uri", SPA_REDIRECT).formParam("code_verifier", Pkce.VERIFIER)
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void publicClientWithoutVerifierIsInvalidRequest() {
        given().formParam("grant_type", "authorization_code").formParam("client_id", "test-spa")
                .formParam("code", "c").formParam("redirect_uri", SPA_REDIRECT)
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void wrongClientSecretByBasicIs401InvalidClientWithABasicChallenge() {
        given().auth().preemptive().basic("test-service", "wrong-secret")
                .formParam("grant_type", "client_credentials")
                .when().post(TOKEN)
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic"))
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_client"));
    }

    @Test
    void wrongClientSecretByPostIs401InvalidClient() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", "test-service")
                .formParam("client_secret", "wrong-secret")
                .when().post(TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"))
                .header("WWW-Authenticate", nullValue());
    }

    @Test
    void unknownClientIs401InvalidClient() {
        given().auth().preemptive().basic("nobody", "x").formParam("grant_type", "client_credentials")
                .when().post(TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void confidentialClientWithoutSecretIs401InvalidClient() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", "test-service")
                .when().post(TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void malformedBasicHeaderIs401NotA500() {
        given().header("Authorization", "Basic %%%not-base64").formParam("grant_type", "client_credentials")
                .when().post(TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void unknownGrantTypeIsUnsupportedGrantType() {
        given().auth().preemptive().basic("test-service", "test-service-secret")
                .formParam("grant_type", "urn:example:magic")
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void missingGrantTypeIsInvalidRequest() {
        given().auth().preemptive().basic("test-service", "test-service-secret").formParam("scope", "api")
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void grantNotRegisteredForTheClientIsUnauthorizedClient() {
        given().auth().preemptive().basic("test-rp", "test-rp-secret").formParam("grant_type", "client_credentials")
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void clientCredentialsByBasicIssuesATokenForTheRequestedScope() {
        given().auth().preemptive().basic("test-service", "test-service-secret")
                .formParam("grant_type", "client_credentials").formParam("scope", "api")
                .when().post(TOKEN)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("access_token", notNullValue())
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("api"))
                .body("id_token", nullValue());
    }

    @Test
    void clientCredentialsByPostWithoutScopeGetsTheRegisteredScopes() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", "test-service")
                .formParam("client_secret", "test-service-secret")
                .when().post(TOKEN)
                .then().statusCode(200).body("scope", equalTo("api api:read"));
    }

    @Test
    void clientCredentialsWithAScopeBeyondTheClientsIsInvalidScope() {
        given().auth().preemptive().basic("test-service", "test-service-secret")
                .formParam("grant_type", "client_credentials").formParam("scope", "api admin")
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void repeatedParameterIsInvalidRequest() {
        given().auth().preemptive().basic("test-service", "test-service-secret")
                .formParam("grant_type", "client_credentials").formParam("scope", "api").formParam("scope", "api")
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }
}
