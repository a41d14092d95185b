package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas of every service behind the local gateway ({@code ./arbor up --replicas 2}): replica 0
 * on the usual ports, replica 1 on port+20000 with its gRPC clients wired to the other replicas 1. The
 * gateway serves each path round robin and tells which instance took each request in
 * {@code arbor_gateway_upstream_requests_total{upstream,instance,result}} (its own {@code /q/metrics}).
 *
 * <p>What it proves (issue #9): the journey's state lives in session-store/Redis and its {@code authId}
 * is sealed with a key every replica shares, so consecutive steps of one login can be served by
 * different authtree replicas; and a replica killed (SIGKILL) between two steps costs the user nothing:
 * the gateway's connection to it is refused, the step goes to the other replica, the login completes.
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = ArborSuite.REPLICAS, value = "2"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {
    private static final String METRICS = "http://127.0.0.1:8080/q/metrics";
    /** The launcher's process names of authtree and federation replica 0 and 1. */
    private static final List<String> AUTHTREE = List.of("authtree-service", "authtree-service@28082");
    private static final List<String> FEDERATION = List.of("federation-service", "federation-service@28081");

    private final Http metrics = new Http();

    @Test
    @Order(1)
    void loginThroughGatewayThenConsecutiveJourneyStepsServedByDifferentAuthtreeReplicas() {
        var flow = new CodeFlow();
        String journeyUrl = authorize(flow);

        List<Integer> servedBy = new ArrayList<>();
        HttpResponse<String> step = step(flow, journeyUrl, "", servedBy);
        while (Http.json(step).has("authId")) {
            step = step(flow, journeyUrl, answer(Http.json(step)), servedBy);
        }

        assertEquals(3, servedBy.size(), "username, password, success: " + servedBy);
        for (int i = 1; i < servedBy.size(); i++) {
            assertNotEquals(servedBy.get(i - 1), servedBy.get(i), "consecutive steps on one replica: " + servedBy);
        }
        assertTokensIssued(flow, step);
    }

    @Test
    @Order(2)
    void loginWhenAuthtreeAndFederationReplicaKilledBetweenStepsThenLoginCompletesWithoutError() {
        var flow = new CodeFlow();
        String journeyUrl = authorize(flow);
        List<Integer> servedBy = new ArrayList<>();
        HttpResponse<String> step = step(flow, journeyUrl, "", servedBy);

        // the replica the gateway will pick for the next step, and the federation replica wired to it
        int victim = 1 - servedBy.getFirst();
        double refusedBefore = count("authtree", victim, "refused");
        ArborSuite.kill(AUTHTREE.get(victim));
        ArborSuite.kill(FEDERATION.get(victim));

        while (Http.json(step).has("authId")) {
            step = step(flow, journeyUrl, answer(Http.json(step)), servedBy);
        }

        assertTrue(servedBy.subList(1, servedBy.size()).stream().noneMatch(instance -> instance == victim),
                "no step after the kill was served by the killed replica: " + servedBy);
        assertTrue(count("authtree", victim, "refused") > refusedBefore,
                "the next step was first sent to the killed replica, refused, and retried on the other");
        assertTokensIssued(flow, step);
    }

    /** The authorize redirect (federation) to the login page; returns the journey URL of its flow. */
    private static String authorize(CodeFlow flow) {
        HttpResponse<String> authorize = flow.http.get(flow.authorizeUrl());
        assertEquals(303, authorize.statusCode(), authorize.body());
        String login = authorize.headers().firstValue("Location").orElseThrow();
        String flowId = Http.query(ArborSuite.PUBLIC_URL + login.replace(ArborSuite.PUBLIC_URL, "")).get("flow");
        assertTrue(flowId != null && !flowId.isEmpty(), "login page URL carries the flow: " + login);
        return "/realms/demo/authenticate?flow=" + flowId;
    }

    /** Posts one journey step through the gateway; records which authtree replica answered it. */
    private HttpResponse<String> step(CodeFlow flow, String journeyUrl, String body, List<Integer> servedBy) {
        double[] before = {count("authtree", 0, "ok"), count("authtree", 1, "ok")};
        HttpResponse<String> response = flow.http.postJson(journeyUrl, body);
        assertEquals(200, response.statusCode(), "step " + (servedBy.size() + 1) + ": " + response.body());
        double[] after = {count("authtree", 0, "ok"), count("authtree", 1, "ok")};
        int instance = after[0] > before[0] ? 0 : 1;
        assertEquals(1.0, after[instance] - before[instance] + (after[1 - instance] - before[1 - instance]),
                "exactly one authtree request per step");
        servedBy.add(instance);
        return response;
    }

    private static String answer(JsonNode step) {
        for (JsonNode callback : step.get("callbacks")) {
            String value = switch (callback.get("type").asText()) {
                case "NameCallback" -> "alice";
                case "PasswordCallback" -> ArborSuite.ALICE_PASSWORD;
                default -> throw new AssertionError("unexpected callback " + callback);
            };
            ((ObjectNode) callback.get("input").get(0)).put("value", value);
        }
        return step.toString();
    }

    /** The journey's success URL resumes the flow at federation (303 with the code), the code is redeemed. */
    private static void assertTokensIssued(CodeFlow flow, HttpResponse<String> lastStep) {
        String successUrl = Http.json(lastStep).get("successUrl").asText();
        HttpResponse<String> resume = flow.http.get(successUrl);
        assertEquals(303, resume.statusCode(), resume.body());
        Map<String, String> callback = Http.query(resume.headers().firstValue("Location").orElseThrow());
        assertEquals(flow.state, callback.get("state"));

        HttpResponse<String> tokens = flow.redeem(callback.get("code"), flow.verifier);
        assertEquals(200, tokens.statusCode(), tokens.body());
        String accessToken = Http.json(tokens).get("access_token").asText();
        assertTrue(Http.json(tokens).hasNonNull("id_token"), tokens.body());

        HttpResponse<String> userinfo = flow.http.get("/realms/demo/oauth2/userinfo", accessToken);
        assertEquals(200, userinfo.statusCode(), userinfo.body());
        assertEquals("alice@example.com", Http.json(userinfo).path("email").asText(), userinfo.body());
    }

    /** arbor_gateway_upstream_requests_total for one instance and result, from the gateway's /q/metrics. */
    private double count(String upstream, int instance, String result) {
        HttpResponse<String> response = metrics.get(METRICS);
        assertEquals(200, response.statusCode());
        Matcher m = Pattern.compile("^arbor_gateway_upstream_requests_total\\{instance=\"" + instance
                + "\",result=\"" + result + "\",upstream=\"" + upstream + "\"} ([0-9.Ee+-]+)$", Pattern.MULTILINE)
                .matcher(response.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }
}
