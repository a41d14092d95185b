package dev.arbor.authtree.adapter.in.rest;

import static dev.arbor.authtree.adapter.in.rest.JourneyClient.fill;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.post;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * IpRangeDecision over the JSON journey API: the REST resource hands the TCP peer (loopback here) and
 * X-Forwarded-For down to the node. The test profile trusts loopback as a proxy
 * ({@code %test.arbor.authtree.trusted-proxies}), so a forwarded address replaces the peer.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IpRangeJourneyTest {
    private static final String LOOPBACK_TREE = "/realms/test/authenticate?tree=ip-loopback";
    private static final String DOCUMENTATION_TREE = "/realms/test/authenticate?tree=ip-documentation";

    @Test
    void clientOnLoopbackIsInsideAndLogsIn() {
        String first = start(LOOPBACK_TREE).then().statusCode(200)
                .body("stage", equalTo("username")).extract().asString();
        String second = post(LOOPBACK_TREE, fill(first, "bob")).then().statusCode(200).extract().asString();
        post(LOOPBACK_TREE, fill(second, "Builder-2026")).then().statusCode(200)
                .body("successUrl", notNullValue());
    }

    @Test
    void clientOutsideTheRangeFailsAtTheFirstStepWithTheUsualFailure() {
        start(DOCUMENTATION_TREE).then().statusCode(401).body("message", equalTo("Login failure"));
    }

    @Test
    void forwardedForFromTheTrustedLoopbackProxyDecides() {
        // Given the trusted proxy forwards a client in 203.0.113.0/24: inside the documentation tree
        given().contentType("application/json").header("X-Forwarded-For", "198.51.100.1, 203.0.113.9")
                .body("").post(DOCUMENTATION_TREE)
                .then().statusCode(200).body("stage", equalTo("username"));
        // And the same client is outside the loopback range although the peer is loopback
        given().contentType("application/json").header("X-Forwarded-For", "203.0.113.9")
                .body("").post(LOOPBACK_TREE)
                .then().statusCode(401).body("message", equalTo("Login failure"));
    }

    @Test
    void garbageForwardedForFailsClosedNever500() {
        given().contentType("application/json").header("X-Forwarded-For", "203.0.113.9, <script>")
                .body("").post(DOCUMENTATION_TREE)
                .then().statusCode(401).body("message", equalTo("Login failure"));
    }
}
