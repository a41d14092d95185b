package dev.arbor.federation.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * CORS of the back-channel endpoints for single-page apps: the demo realm's public client test-popup-spa
 * registered {@code https://app.example.com:8443/popup/callback}, so that origin, and only it (and the other
 * public clients' origins), may read the token, userinfo and revocation answers; discovery and the JWK Set
 * are public; {@code /authorize} answers no origin.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class BrowserCorsTest {
    private static final String SPA = "https://app.example.com:8443";
    private static final String STRANGER = "https://evil.example";
    private static final String TOKEN = "/realms/demo/oauth2/token";

    @Test
    void preflightFromAPublicClientsOriginIsAnsweredWithThatOriginAndNoCredentials() {
        given().header("Origin", SPA).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options(TOKEN)
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", SPA)
                .header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", containsString("content-type"))
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Vary", containsString("Origin"));
    }

    @Test
    void tokenErrorIsReadableByThePublicClientsOrigin() {
        given().header("Origin", SPA)
                .formParam("grant_type", "authorization_code").formParam("code", "no-such-code")
                .formParam("client_id", "test-popup-spa").formParam("code_verifier", "x".repeat(43))
                .formParam("redirect_uri", "https://app.example.com:8443/popup/callback")
                .when().post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_grant"))
                .header("Access-Control-Allow-Origin", SPA)
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Vary", containsString("Origin"));
    }

    @Test
    void anOriginNoPublicClientRegisteredGetsNoAllowOriginFromTokenUserinfoOrRevocation() {
        given().header("Origin", STRANGER).header("Access-Control-Request-Method", "POST")
                .when().options(TOKEN)
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", STRANGER).formParam("grant_type", "authorization_code")
                .formParam("client_id", "test-popup-spa").formParam("code", "no-such-code")
                .when().post(TOKEN)
                .then().statusCode(400).header("Access-Control-Allow-Origin", nullValue())
                .header("Vary", containsString("Origin"));
        given().header("Origin", STRANGER).header("Authorization", "Bearer not-a-token")
                .when().get("/realms/demo/oauth2/userinfo")
                .then().statusCode(401).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", STRANGER).formParam("client_id", "test-popup-spa").formParam("token", "x")
                .when().post("/realms/demo/oauth2/revoke")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void userinfoRevocationAndDiscoveryAnswerThePublicClientsOrigin() {
        given().header("Origin", SPA).header("Authorization", "Bearer not-a-token")
                .when().get("/realms/demo/oauth2/userinfo")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", SPA)
                .header("Access-Control-Expose-Headers", containsString("WWW-Authenticate"));
        given().header("Origin", SPA).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/realms/demo/oauth2/userinfo")
                .then().statusCode(204).header("Access-Control-Allow-Origin", SPA)
                .header("Access-Control-Allow-Headers", containsString("authorization"));
        given().header("Origin", SPA).formParam("client_id", "test-popup-spa").formParam("token", "x")
                .when().post("/realms/demo/oauth2/revoke")
                .then().statusCode(200).header("Access-Control-Allow-Origin", SPA);
    }

    @Test
    void discoveryAndTheJwkSetArePublicToAnyOrigin() {
        given().header("Origin", STRANGER)
                .when().get("/realms/demo/.well-known/openid-configuration")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Credentials", nullValue());
        given().header("Origin", STRANGER)
                .when().get("/realms/demo/oauth2/jwks")
                .then().header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void authorizeNeverAnswersCorsNotEvenToARegisteredSpaOrigin() {
        given().redirects().follow(false).header("Origin", SPA)
                .queryParam("response_type", "code").queryParam("client_id", "test-popup-spa")
                .queryParam("redirect_uri", "https://app.example.com:8443/popup/callback")
                .queryParam("scope", "openid").queryParam("response_mode", "web_message")
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                .queryParam("code_challenge_method", "S256")
                .when().get("/realms/demo/oauth2/authorize")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", SPA).header("Access-Control-Request-Method", "GET")
                .when().options("/realms/demo/oauth2/authorize")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aRequestWithoutOriginGetsNoCorsHeaders() {
        given().formParam("grant_type", "authorization_code").formParam("client_id", "test-popup-spa")
                .formParam("code", "no-such-code")
                .when().post(TOKEN)
                .then().statusCode(400).header("Access-Control-Allow-Origin", nullValue())
                .header("Vary", nullValue());
    }
}
