package dev.arbor.ui.adapter.in.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.arbor.ui.domain.SecurityHeaders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class UiPagesTest {

    private static RequestSpecification ui() {
        return given()
                .urlEncodingEnabled(false)
                .config(RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ui/", "/ui/login/", "/ui/login/?realm=demo&flow=abc", "/ui/demo/", "/ui/index.html"})
    void pageWhenRequestedThenHtmlWithCspNoStoreAndSecurityHeaders(String path) {
        ui().get(path)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void cspWhenReadThenExactlyThePolicyOfTheBrief() {
        ui().get("/ui/login/").then().header("Content-Security-Policy", equalTo(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"));
    }

    @Test
    void hstsOnlyWhenTheRequestCameOverHttps() {
        ui().header("X-Forwarded-Proto", "https").get("/ui/login/").then().statusCode(200)
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
        ui().header("X-Forwarded-Proto", "https").get("/ui/styles.css").then().statusCode(200)
                .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"));
        ui().get("/ui/login/").then().statusCode(200).header("Strict-Transport-Security", nullValue());
    }

    @Test
    void loginPageThenHasTheIdsTheBrowserTestUses() {
        ui().get("/ui/login/").then().statusCode(200)
                .body(containsString("id=\"login-form\""))
                .body(containsString("id=\"login-submit\""))
                .body(containsString("id=\"login-error\""))
                .body(containsString("<script type=\"module\" src=\"/ui/login/login.js\"></script>"));
    }

    @Test
    void demoPageThenHasTheIdsTheBrowserTestUses() {
        ui().get("/ui/demo/").then().statusCode(200)
                .body(containsString("id=\"sign-in\""))
                .body(containsString("id=\"claims\""))
                .body(containsString("id=\"subject-name\""))
                .body(containsString("id=\"demo-error\""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/ui/login?realm=demo&flow=f-1%20x, /ui/login/?realm=demo&flow=f-1%20x",
        "/ui/login,                         /ui/login/",
        "/ui/demo?code=c&state=s,           /ui/demo/?code=c&state=s",
        "/ui,                               /ui/",
    })
    void pageWithoutTrailingSlashThenRedirectKeepsQueryString(String path, String location) {
        ui().get(path).then().statusCode(302).header("Location", location);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/ui/login/login.js", "/ui/login/callbacks.js", "/ui/login/journey-client.js",
        "/ui/demo/demo.js", "/ui/demo/oidc-client.js", "/ui/demo/pkce.js"})
    void scriptWhenRequestedThenJavaScriptContentTypeAndNosniff(String path) {
        ui().get(path)
                .then()
                .statusCode(200)
                .contentType(anyOf(startsWith("text/javascript"), startsWith("application/javascript")))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", nullValue())
                .header("Cache-Control", containsString("max-age=0"));
    }

    @Test
    void stylesheetWhenRequestedThenCssContentType() {
        ui().get("/ui/styles.css").then().statusCode(200).contentType(startsWith("text/css"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", not(equalTo("no-store")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ui/nope.js", "/ui/login/missing.html", "/elsewhere"})
    void unknownPathThen404ProblemJsonWithSecurityHeaders(String path) {
        ui().get(path)
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void healthAndMetricsThenUp() {
        ui().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        ui().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        ui().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
