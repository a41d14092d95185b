package dev.arbor.ui.adapter.in.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RealmUiConfigTest {

    @Test
    void realmWithUiSectionWhenRequestedThenItsThemeLogoAndLocales() {
        given().get("/ui/realms/demo/config.json").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "no-cache")
                .body("realm", equalTo("demo"))
                .body("theme.primary", equalTo("#1d5c45"))
                .body("theme.radius", equalTo("10px"))
                .body("logo", equalTo("/ui/logo.svg"))
                .body("locales", contains("en", "nl", "de"))
                .body("defaultLocale", equalTo("en"))
                .body("apiBaseUrl", equalTo(""));
    }

    @Test
    void realmWithoutUiSectionWhenRequestedThenDefaults() {
        given().get("/ui/realms/plain/config.json").then()
                .statusCode(200)
                .body("locales", contains("en", "nl", "de"))
                .body("logo", nullValue());
    }

    @Test
    void unknownOrMalformedRealmWhenRequestedThen404Problem() {
        given().get("/ui/realms/nope/config.json").then().statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/ui/realms/%2e%2e/config.json").then().statusCode(404);
    }
}
