package dev.arbor.ui.adapter.in.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SdkFilesTest {

    @Test
    void classicBuildWhenRequestedThenScriptDefiningArborWithAnEtagToRevalidate() {
        String etag = given().get("/ui/sdk/arbor.classic.js").then()
                .statusCode(200)
                .contentType(startsWith("text/javascript"))
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .body(startsWith("(function () {"))
                .body(containsString("globalThis.Arbor = Object.freeze({ VERSION, ArborError"))
                .extract().header("ETag");

        given().header("If-None-Match", etag).get("/ui/sdk/arbor.classic.js").then().statusCode(304);
    }

    @Test
    void manifestWhenFollowedThenFingerprintedFilesAreImmutableAndEqualThePlainOnes() {
        JsonPath manifest = given().get("/ui/sdk/manifest.json").then()
                .statusCode(200).header("Cache-Control", "no-cache").extract().jsonPath();
        String module = manifest.getString("'arbor.js'");
        String classic = manifest.getString("'arbor.classic.js'");

        String fingerprintedModule = given().get("/ui/sdk/" + module).then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .contentType(startsWith("text/javascript"))
                .extract().asString();
        given().get("/ui/sdk/" + classic).then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable");

        assertEquals(given().get("/ui/sdk/arbor.js").then().statusCode(200).extract().asString(), fingerprintedModule);
        org.hamcrest.MatcherAssert.assertThat(module, matchesPattern("arbor\\.[0-9a-f]{16}\\.js"));
    }

    @Test
    void sdkWhenImportedFromAnotherOriginThenReadableWithoutCredentials() {
        for (String path : new String[] {"/ui/sdk/arbor.js", "/ui/sdk/arbor.classic.js", "/ui/sdk/manifest.json"}) {
            given().header("Origin", "https://login.example.com").get(path).then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Access-Control-Allow-Credentials", org.hamcrest.Matchers.nullValue())
                    .header("Cross-Origin-Resource-Policy", "cross-origin");
        }
        given().header("Origin", "https://login.example.com").get("/ui/login/").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void unknownFingerprintWhenRequestedThen404() {
        given().get("/ui/sdk/arbor.0123456789abcdef.js").then().statusCode(404);
    }

    @Test
    void typeDeclarationsWhenRequestedThenServed() {
        given().get("/ui/sdk/arbor.d.ts").then().statusCode(200).body(containsString("export declare function createClient"));
    }

    @Test
    void moduleWhenRequestedThenSameFileAsShipped() {
        given().get("/ui/sdk/arbor.js").then().statusCode(200)
                .body(containsString("export function createClient"))
                .body(containsString("export const VERSION = '1.0.0';"));
        given().get("/ui/sdk/manifest.json").then().body("size()", equalTo(2));
    }
}
