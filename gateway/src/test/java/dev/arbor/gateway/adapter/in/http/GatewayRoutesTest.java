package dev.arbor.gateway.adapter.in.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(FakeUpstreams.class)
class GatewayRoutesTest {

    private static RequestSpecification gateway() {
        return given()
                .urlEncodingEnabled(false)
                .config(RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
        "/realms/demo/authenticate?flow=abc,                       authtree",
        "/realms/demo/oauth2/authorize?response_type=code&state=x%20y, federation",
        "/realms/demo/.well-known/openid-configuration,             federation",
        "/realms/demo/authenticate/extra,                           federation",
        "/ui/login?realm=demo&flow=abc,                             ui-server",
        "/ui,                                                       ui-server",
        "/ui/demo/demo.js,                                          ui-server",
        "/admin/realms/demo/clients,                                federation",
        "/admin/realms/demo/clients/demo-spa?x=1,                   federation",
        "/admin/realms/demo/trees/login,                            authtree",
        "/admin/realms/demo/users?username=alice,                   authtree",
        "/admin/realms/demo/keys/rotate,                            token",
    })
    void routeWhenPathMatchesThenRightUpstreamGetsPathAndQueryIntact(String uri, String upstream) {
        gateway().get(uri)
                .then()
                .statusCode(200)
                .body("upstream", equalTo(upstream))
                .body("method", equalTo("GET"))
                .body("uri", equalTo(uri));
    }

    @Test
    void forwardWhenPostThenBodyAndMethodArriveUnchanged() {
        String step = "{\"authId\":\"a\",\"callbacks\":[{\"type\":\"NameCallback\",\"input\":[{\"name\":\"IDToken1\",\"value\":\"alice\"}]}]}";
        gateway().contentType("application/json").body(step)
                .post("/realms/demo/authenticate?flow=f1")
                .then()
                .statusCode(200)
                .body("upstream", equalTo("authtree"))
                .body("method", equalTo("POST"))
                .body("body", equalTo(step));
    }

    @Test
    void forwardThenHostKeptAndForwardedHeadersAddedReplacingClientValues() {
        gateway().header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil.example")
                .get("/realms/demo/oauth2/userinfo")
                .then()
                .statusCode(200)
                .body("host", equalTo("localhost:18080"))
                .body("xForwardedHost", equalTo("localhost:18080"))
                .body("xForwardedProto", equalTo("http"))
                .body("xForwardedFor", not(emptyOrNullString()))
                .body("xForwardedFor", not(equalTo("6.6.6.6")));
    }

    @Test
    void forwardWhenUpstreamAnswers303ThenStatusLocationAndEverySetCookiePassUntouched() {
        var response = gateway().get("/realms/demo/oauth2/authorize/redirect?flow=1")
                .then()
                .statusCode(303)
                .header("Location", FakeUpstreams.REDIRECT_LOCATION)
                .extract();
        org.hamcrest.MatcherAssert.assertThat(response.headers().getValues("Set-Cookie"),
                containsInAnyOrder(FakeUpstreams.COOKIES.toArray()));
    }

    @Test
    void forwardWhenUpstreamAnswers401ThenStatusAndBodyPassThrough() {
        gateway().post("/realms/demo/authenticate/unauthorized")
                .then()
                .statusCode(401)
                .body("upstream", equalTo("federation"));
    }

    @Test
    void browsersThatLeaveWhileTheirRequestsAreInFlightOrQueuedDoNotUseUpTheConnectionPool() throws Exception {
        // a load generator stopping: more requests than pooled connections, all abandoned at once
        int arrivalsBefore = FakeUpstreams.SLOW_ARRIVALS.get();
        List<Socket> browsers = new ArrayList<>();
        for (int i = 0; i < FakeUpstreams.POOL_SIZE * 4; i++) {
            Socket browser = new Socket("localhost", RestAssured.port);
            browser.getOutputStream().write(("POST /realms/demo/oauth2/token/slow HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10\r\n\r\n"
                    + "grant=slow").getBytes(StandardCharsets.US_ASCII));
            browser.getOutputStream().flush();
            browsers.add(browser);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (FakeUpstreams.SLOW_ARRIVALS.get() < arrivalsBefore + FakeUpstreams.POOL_SIZE) {
            assertTrue(System.nanoTime() < deadline, "the first requests never reached the upstream");
            Thread.sleep(5);
        }
        for (Socket browser : browsers) {
            browser.close(); // POOL_SIZE requests wait upstream, the others wait for a pooled connection
        }

        HttpResponse<String> next = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/realms/demo/oauth2/userinfo"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, next.statusCode());
    }

    @Test
    void rootThenRedirectsToUi() {
        gateway().get("/")
                .then()
                .statusCode(302)
                .header("Location", "/ui/");
    }

    @ParameterizedTest
    @CsvSource({"/nope", "/q/nope", "/admin/realms/demo/secrets", "/admin/realms/demo", "/realms/", "/realmsx/demo", "/uix"})
    void routeWhenNoRowMatchesThen404ProblemJson(String uri) {
        gateway().get(uri)
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    void routeWhenPathHasDotSegmentsThen400ProblemAndNothingForwarded() {
        gateway().get("/ui/../admin/realms/demo/keys")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(400));
    }

    @Test
    void forwardWhenUpstreamIsDownThen502ProblemJsonWithoutHanging() {
        gateway().get("/admin/realms/demo/scripts?x=1")
                .then()
                .statusCode(502)
                .contentType(startsWith("application/problem+json"))
                .body("status", is(502))
                .body("title", equalTo("Bad Gateway"));
    }

    @Test
    void healthAndMetricsStayLocal() {
        gateway().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        gateway().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        gateway().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void metricsWhenRealmPathsForwardedThenUriTagIsTheRouteNotThePath() {
        gateway().get("/admin/realms/demo/users/alice").then().statusCode(200);
        gateway().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("uri=\"/admin/realms/{realm}/users/*\""))
                .body(not(containsString("users/alice")));
    }
}
