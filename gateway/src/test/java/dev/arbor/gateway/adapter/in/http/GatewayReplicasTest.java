package dev.arbor.gateway.adapter.in.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Several instances per upstream: round robin, failover on a refused connection, recovery, no replay of a streamed body. */
@QuarkusTest
@WithTestResource(ReplicatedUpstreams.class)
class GatewayReplicasTest {

    private static final String INSTANCE = "X-Arbor-Upstream-Instance";
    private static final String STEP = "{\"authId\":\"a\",\"callbacks\":[]}";

    @Test
    void journeyStepsWhenTwoInstancesUpThenConsecutiveStepsAlternateInstances() {
        List<Integer> servedBy = new ArrayList<>();
        for (int step = 0; step < 4; step++) {
            Response response = given().contentType("application/json").body(STEP)
                    .post("/realms/demo/authenticate?flow=f1");
            response.then().statusCode(200).body("upstream", equalTo("authtree")).body("body", equalTo(STEP));
            int instance = response.jsonPath().getInt("instance");
            assertEquals(String.valueOf(instance), response.header(INSTANCE), "the header names the instance that answered");
            servedBy.add(instance);
        }
        for (int i = 1; i < servedBy.size(); i++) {
            assertNotEquals(servedBy.get(i - 1), servedBy.get(i), "consecutive steps went to one instance: " + servedBy);
        }
        assertTrue(metric("authtree", 0, "ok") >= 2 && metric("authtree", 1, "ok") >= 2, "both instances counted");
    }

    @Test
    void requestWhenChosenInstanceRefusesThenSameRequestAnsweredByTheOtherAndRefuserSkipped() {
        double refusedBefore = metric("federation", 1, "refused");
        for (int i = 0; i < 4; i++) {
            String form = "grant_type=client_credentials&n=" + i;
            given().contentType("application/x-www-form-urlencoded").body(form)
                    .post("/realms/demo/oauth2/token")
                    .then()
                    .statusCode(200)
                    .header(INSTANCE, "0")
                    .body("instance", equalTo(0))
                    .body("method", equalTo("POST"))
                    .body("body", equalTo(form));
        }
        // the first refusal marks instance 1 down: four requests cost one refused connection, not two
        assertEquals(refusedBefore + 1, metric("federation", 1, "refused"));
    }

    @Test
    void http2GetWithoutBodyWhenChosenInstanceRefusesThenAnsweredByTheOther() throws Exception {
        // HTTP/2 sends no Content-Length for a request without a body: such a GET must still be retried
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        var uri = java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                + "/realms/demo/oauth2/authorize/resume?flow=f");
        double refusedBefore = metric("federation", 1, "refused");
        var versions = new ArrayList<java.net.http.HttpClient.Version>();
        for (int i = 0; i < 4; i++) {
            Thread.sleep(Duration.parse(ReplicatedUpstreams.DOWN_FOR).plusMillis(200).toMillis()); // 1 is tried again
            var response = client.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"instance\":0"), response.body());
            versions.add(response.version());
        }
        assertTrue(versions.contains(java.net.http.HttpClient.Version.HTTP_2), "went over HTTP/2: " + versions);
        assertTrue(metric("federation", 1, "refused") > refusedBefore, "instance 1 was tried, refused, and skipped");
        Thread.sleep(Duration.parse(ReplicatedUpstreams.DOWN_FOR).plusMillis(200).toMillis()); // as the other tests expect
    }

    @Test
    void instanceWhenBackAfterDownPeriodThenServesAgain() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            given().get("/admin/realms/demo/keys").then().statusCode(200).body("instance", equalTo(0));
        }
        assertTrue(metric("token", 1, "refused") >= 1, "instance 1 was tried and refused");

        ReplicatedUpstreams.startLateTokenInstance();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean back = false;
        while (!back && System.nanoTime() < deadline) {
            back = given().get("/admin/realms/demo/keys").then().statusCode(200).extract().jsonPath().getInt("instance") == 1;
            Thread.sleep(50); // the down period (arbor.gateway.instance-down-for) runs on the real clock here
        }
        assertTrue(back, "instance 1 serves again once its down period (" + ReplicatedUpstreams.DOWN_FOR + ") is over");
    }

    @Test
    void bodyLargerThanRetryLimitWhenInstanceRefusesThen502AndNotSentTwice() {
        String big = "x".repeat(ReplicatedUpstreams.BODY_LIMIT * 4);

        // script-runner's instance 0 (down) is first in turn; nothing else in this class calls script-runner
        given().contentType("text/plain").body(big)
                .post("/admin/realms/demo/scripts")
                .then()
                .statusCode(502)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(502));
        assertEquals(1.0, metric("script-runner", 0, "refused"));
        assertEquals(0.0, metric("script-runner", 1, "ok"), "the streamed body was not sent to the other instance");

        // a small body is buffered, so it is retried; instance 0 is now skipped anyway
        given().contentType("text/plain").body("small")
                .post("/admin/realms/demo/scripts")
                .then()
                .statusCode(200)
                .body("instance", equalTo(1))
                .body("body", equalTo("small"));
    }

    @Test
    void singleUrlUpstreamStillServedAsBefore() {
        given().get("/ui/login").then().statusCode(200).header(INSTANCE, "0").body("upstream", equalTo("ui-server"));
    }

    /** arbor_gateway_upstream_requests_total for one upstream instance and result; 0 when absent. */
    private static double metric(String upstream, int instance, String result) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^arbor_gateway_upstream_requests_total\\{instance=\"" + instance
                + "\",result=\"" + result + "\",upstream=\"" + upstream + "\"} ([0-9.Ee+-]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}
