package dev.arbor.authtree.adapter.in.rest;

import static dev.arbor.authtree.adapter.in.rest.JourneyClient.fill;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.memory.NodeCookies;
import dev.arbor.authtree.domain.totp.Totp;
import dev.arbor.authtree.domain.totp.TotpSecret;
import dev.arbor.authtree.fake.FakeSessionStore;
import dev.arbor.authtree.port.SessionGateway;
import dev.arbor.authtree.support.AdjustableClock;
import dev.arbor.contracts.events.Topics;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.KafkaTopicReader;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.grpc.GrpcService;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Per-node memory through the journey API (tree {@code remembered-otp} of the test realm, as the demo
 * realm's password-otp): the password result lives 8 h in the SSO session, the OTP result 15 min in a
 * sealed cookie. Real PostgreSQL, Redis and Kafka; session-store is the gRPC fake; time moves with the
 * AdjustableClock.
 */
@QuarkusTest
@TestProfile(NodeMemoryJourneyTest.EventsOn.class)
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestPrefix.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestBroker.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NodeMemoryJourneyTest {
    private static final String REALM = "test";
    private static final String TREE = "remembered-otp";
    private static final String PATH = "/realms/" + REALM + "/authenticate?tree=" + TREE;
    private static final byte[] ALICE_SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").bytes();
    private static final String OTP_COOKIE = NodeCookies.name(REALM, TREE, "verify");

    /** Journey events on: this class brings its own broker. */
    public static class EventsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("arbor.authtree.journey-events-enabled", "true");
        }
    }

    @Inject
    AdjustableClock clock;

    @Inject
    SessionGateway sessions;

    @Inject
    @GrpcService
    FakeSessionStore sessionStore;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /** The browser: its cookies, as the journey API set them. */
    private record Browser(String session, String otp) {
        RequestSpecification request() {
            RequestSpecification r = given().contentType("application/json");
            if (session != null) {
                r = r.cookie(JourneyResponses.COOKIE, session);
            }
            if (otp != null) {
                r = r.cookie(OTP_COOKIE, otp);
            }
            return r;
        }
    }

    /** Runs a journey to its end, answering what it asks; returns the stages asked and the browser after it. */
    private Browser journey(Browser browser, String code, List<String> asked) {
        Response response = browser.request().body("").post(PATH);
        while (response.statusCode() == 200 && JsonPath.from(response.asString()).getString("authId") != null) {
            JsonPath step = JsonPath.from(response.asString());
            String stage = step.getString("stage");
            asked.add(stage);
            String value = switch (stage) {
                case "username" -> "alice";
                case "password" -> "Wonderland-2026";
                case "otp" -> code;
                default -> throw new AssertionError("unexpected stage " + stage);
            };
            response = browser.request().body(fill(response.asString(), value)).post(PATH);
        }
        assertEquals(200, response.statusCode(), response.asString());
        String session = response.cookie(JourneyResponses.COOKIE);
        assertNotNull(session);
        String otp = response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(OTP_COOKIE + "="))
                .findFirst().map(c -> {
                    assertTrue(c.contains("; Max-Age=900; Path=/; HttpOnly; SameSite=Lax"), c);
                    return c.substring(OTP_COOKIE.length() + 1, c.indexOf(';'));
                }).orElse(browser.otp());
        return new Browser(session, otp);
    }

    private String code(long stepOffset) {
        return Totp.code(ALICE_SECRET, Totp.step(clock.instant()) + stepOffset);
    }

    @Test
    void rememberedPasswordAndOtpAreNotAskedAgainUntilTheyExpireOrTheUserLogsOut() {
        clock.reset();
        // First login: everything is asked; the OTP result comes back as a sealed cookie.
        List<String> asked = new ArrayList<>();
        Browser first = journey(new Browser(null, null), code(0), asked);
        assertEquals(List.of("username", "password", "otp"), asked);
        assertNotNull(first.otp(), "the OTP node's cookie is set");
        assertFalse(first.otp().contains("Wonderland"), "the cookie is sealed");

        // Within 15 min with both cookies: nothing is asked, a new session replaces the old one.
        asked.clear();
        Browser second = journey(first, null, asked);
        assertEquals(List.of(), asked);
        assertNotEquals(first.session(), second.session());
        assertTrue(sessions.findSession(REALM, first.session()).isEmpty(), "the old session id stops working");
        assertTrue(sessionStore.ended().stream().anyMatch(e -> e.id().equals(first.session())
                && e.reason().equals(FakeSessionStore.REASON_REPLACED)));
        var live = sessions.findSession(REALM, second.session()).orElseThrow();
        assertTrue(live.nodeResults().stream().anyMatch(r -> r.nodeId().equals("check") && r.tree().equals(TREE)),
                "the password result is carried over into the new session");
        assertEquals(TREE, live.properties().get("loginTree"));
        assertEquals(live.subject(), live.properties().get("subjectCopy"));

        // 16 min later: the password (8 h, in the session) still stands, the OTP (15 min) does not.
        clock.advance(Duration.ofMinutes(16));
        asked.clear();
        Browser third = journey(second, code(0), asked);
        assertEquals(List.of("otp"), asked);

        // Logout: the session ends and results remembered before it no longer count, even the first cookie.
        clock.reset();
        assertTrue(sessions.endSession(REALM, third.session(), "logout"));
        asked.clear();
        journey(new Browser(third.session(), first.otp()), code(1), asked);
        assertEquals(List.of("username", "password", "otp"), asked);

        // Events and metrics of those journeys.
        assertTrue(KafkaTopicReader.find(kafka, Topics.JOURNEY, r -> r.value().contains("\"journey.node_completed\"")
                && r.value().contains("\"nodeId\":\"check-otp\"") && r.value().contains("\"outcome\":\"remembered\""))
                .isPresent(), "journey.node_completed of the remembered OTP on arbor.journey.v1");
        var completed = KafkaTopicReader.find(kafka, Topics.JOURNEY,
                r -> r.value().contains("\"journey.completed\"") && r.value().contains("\"tree\":\"" + TREE + "\""));
        assertTrue(completed.isPresent());
        String value = completed.get().value();
        assertFalse(value.contains("Wonderland") || value.contains(second.session()) || value.contains("authId"),
                value);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metric(metrics, "arbor_journey_total", "realm=\"test\"", "tree=\"remembered-otp\"",
                "result=\"completed\"") >= 4, "the 4 completed journeys are counted");
        assertTrue(metric(metrics, "arbor_journey_total", "tree=\"remembered-otp\"", "result=\"started\"") >= 4);
        assertTrue(metric(metrics, "arbor_journey_node_total", "node=\"check-otp\"", "outcome=\"remembered\"",
                "remembered=\"false\"", "type=\"RememberedResultCheck\"") >= 1, "the remembered OTP is counted");
        assertTrue(metric(metrics, "arbor_journey_node_seconds_count", "node=\"verify\"",
                "tree=\"remembered-otp\"") >= 3, "the OTP node was timed each time it ran");
    }

    /** The sum of the samples of {@code name} whose labels include every one of {@code labels}. */
    private static double metric(String metrics, String name, String... labels) {
        return metrics.lines()
                .filter(l -> l.startsWith(name + "{"))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aTamperedOrForeignNodeCookieIsIgnoredNotAnError() {
        clock.advance(Duration.ofMinutes(40)); // a time step of its own
        List<String> asked = new ArrayList<>();
        Browser first = journey(new Browser(null, null), code(0), asked);

        asked.clear();
        journey(new Browser(first.session(), first.otp().substring(0, first.otp().length() - 2) + "xx"), code(1),
                asked);

        assertEquals(List.of("otp"), asked);
        given().contentType("application/json").cookie(OTP_COOKIE, "not-a-sealed-value")
                .cookie(JourneyResponses.COOKIE, "no-such-session").body("").post(PATH)
                .then().statusCode(200);
    }
}
