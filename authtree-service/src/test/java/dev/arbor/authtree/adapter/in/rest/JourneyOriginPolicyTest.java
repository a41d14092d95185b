package dev.arbor.authtree.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** CORS and CSRF rules of the journey API for browsers (A9/A10 of the session test list). */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class JourneyOriginPolicyTest {
    private static final String PATH = "/realms/test/authenticate";
    private static final String ALLOWED = "https://login.example.com";

    private static RequestSpecification browser(String origin) {
        return given().header("Origin", origin).contentType("application/json").body("");
    }

    @Test
    void anAllowListedOriginWithTheClientHeaderGetsTheStepAndCredentialedCors() {
        browser(ALLOWED).header("X-Arbor-Client", "sdk/1.0.0").post(PATH).then()
                .statusCode(200)
                .body("authId", startsWith("ey"))
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Credentials", "true")
                .header("Vary", containsString("Origin"));
    }

    @Test
    void aPreflightFromAnAllowListedOriginNamesTheMethodAndHeadersTheApiTakes() {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-arbor-client")
                .options(PATH).then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Credentials", "true")
                .header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", containsString("x-arbor-client"));
    }

    @Test
    void otherOriginsNullAndSuffixTricksAreRefusedWithoutCorsHeaders() {
        for (String origin : new String[] {"https://evil-example.com", "https://login.example.com.evil.com", "null",
                "http://login.example.com"}) {
            browser(origin).header("X-Arbor-Client", "sdk/1.0.0").post(PATH).then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .header("Access-Control-Allow-Origin", nullValue());
            given().header("Origin", origin).header("Access-Control-Request-Method", "POST").options(PATH).then()
                    .statusCode(403)
                    .header("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Test
    void aBrowserRequestWithoutTheClientHeaderIsRefusedEvenFromAnAllowedOrTheOwnOrigin() {
        browser(ALLOWED).post(PATH).then().statusCode(403)
                .body("detail", containsString("X-Arbor-Client"));
        browser("http://localhost:8080").post(PATH).then().statusCode(403);
    }

    @Test
    void aSimpleCrossSiteFormPostNeverReachesANode() {
        given().header("Origin", "https://evil-example.com").contentType("application/x-www-form-urlencoded")
                .formParam("authId", "x").post(PATH).then().statusCode(403);
        given().header("Origin", "https://evil-example.com").contentType("text/plain").body("{}").post(PATH)
                .then().statusCode(403);
    }

    @Test
    void theDefaultUiOnTheSuitesOwnOriginWorksWithoutCorsHeaders() {
        browser("http://localhost:8080").header("X-Arbor-Client", "default-ui").post(PATH).then()
                .statusCode(200)
                .body("callbacks[0].type", equalTo("NameCallback"))
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aNonBrowserClientWithoutOriginIsUnaffected() {
        given().contentType("application/json").body("").post(PATH).then().statusCode(200);
    }
}
