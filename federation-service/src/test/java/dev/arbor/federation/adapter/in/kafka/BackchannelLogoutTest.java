package dev.arbor.federation.adapter.in.kafka;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.contracts.events.Topics;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.federation.port.LogoutParticipants;
import dev.arbor.federation.support.FakeSessionStore;
import dev.arbor.federation.support.Pkce;
import dev.arbor.federation.support.BackchannelReceiver;
import dev.arbor.federation.support.Eventually;
import dev.arbor.federation.support.LogoutClients;
import dev.arbor.federation.support.TestKeys;
import dev.arbor.federation.support.TestTokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect Back-Channel Logout 1.0: a {@code session.ended} on the real broker makes federation
 * POST a logout token to every participant's {@code backchannel_logout_uri} (a tiny HTTP server stands
 * in for the RPs), retrying a failing RP and then giving up, counted.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class BackchannelLogoutTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static BackchannelReceiver rp;

    @Inject
    LogoutParticipants participants;

    @Inject
    MeterRegistry metrics;

    @BeforeAll
    static void startTheRelyingParty() {
        rp = new BackchannelReceiver();
    }

    @AfterAll
    static void stopTheRelyingParty() {
        rp.close();
    }

    @Test
    void sessionEndedPostsOneVerifiableLogoutTokenToEachParticipantAndForgetsThem() throws Exception {
        // Given two RPs took part in alice's session, and one more that did not
        String path = "/ok-" + UUID.randomUUID();
        String first = LogoutClients.register(rp.uri(path + "/first"));
        String second = LogoutClients.register(rp.uri(path + "/second"));
        String bystander = LogoutClients.register(rp.uri(path + "/bystander"));
        String sid = "sess-" + UUID.randomUUID();
        participate(sid, first);
        participate(sid, second);

        // When the session ends (here: an administrator ended it)
        publish(ended(sid, "admin"));

        // Then each participant receives exactly one form POST with a logout token that verifies
        Eventually.await(WAIT, () -> !rp.received(path + "/first").isEmpty() && !rp.received(path + "/second").isEmpty(),
                "both participants were told");
        for (String[] target : new String[][] {{first, path + "/first"}, {second, path + "/second"}}) {
            List<BackchannelReceiver.Received> got = rp.received(target[1]);
            assertEquals(1, got.size());
            assertEquals("POST", got.getFirst().method());
            assertThat(got.getFirst().contentType(), startsWith("application/x-www-form-urlencoded"));
            JwtClaims claims = verify(got.getFirst().logoutToken(), target[0]);
            assertEquals("alice", claims.getSubject());
            assertEquals(sid, claims.getStringClaimValue("sid"));
            assertTrue(claims.getClaimValue("events") instanceof Map<?, ?> events && events.containsKey(EVENT));
            assertFalse(claims.hasClaim("nonce"));
        }
        assertTrue(rp.received(path + "/bystander").isEmpty(), "a client that did not take part is not told");
        Eventually.await(WAIT, () -> participants.of("demo", sid).await().atMost(WAIT).isEmpty(),
                "participants forgotten once told");
        assertFalse(bystander.isEmpty());
    }

    @Test
    void aFailingRelyingPartyIsRetriedThenGivenUpLoggedAndCounted() throws Exception {
        // Given a participant whose endpoint answers 500
        String path = "/failing-" + UUID.randomUUID();
        rp.answer(path, 500);
        String client = LogoutClients.register(rp.uri(path));
        String sid = "sess-" + UUID.randomUUID();
        participate(sid, client);
        double failedBefore = count("failed");

        // When its session expires
        publish(ended(sid, "expired"));

        // Then it gets three attempts (test delays: 0, 0.3, 0.6 s), each a fresh logout token, and no more
        Eventually.await(WAIT, () -> count("failed") > failedBefore, "the RP was given up on");
        assertEquals(3, rp.received(path).size());
        assertEquals(3, rp.received(path).stream().map(BackchannelReceiver.Received::logoutToken).distinct().count());
        for (BackchannelReceiver.Received attempt : rp.received(path)) {
            verify(attempt.logoutToken(), client);
        }
    }

    @Test
    void aRelyingPartyThatRefusesTheTokenIsNotRetried() throws Exception {
        String path = "/refusing-" + UUID.randomUUID();
        rp.answer(path, 400);
        String client = LogoutClients.register(rp.uri(path));
        String sid = "sess-" + UUID.randomUUID();
        participate(sid, client);
        double rejectedBefore = count("rejected");

        publish(ended(sid, "logout"));

        Eventually.await(WAIT, () -> count("rejected") > rejectedBefore, "the refusal was counted");
        assertEquals(1, rp.received(path).size());
    }

    @Test
    void aSessionReplacedByAStepUpIsNotALogout() throws Exception {
        // Given a participant of a session that a step-up replaces, and a marker session after it
        String path = "/replaced-" + UUID.randomUUID();
        String client = LogoutClients.register(rp.uri(path));
        String replaced = "sess-" + UUID.randomUUID();
        String marker = "sess-" + UUID.randomUUID();
        participate(replaced, client);
        participate(marker, client);

        // When both end, the first as "replaced"
        publish(ended(replaced, "replaced"));
        publish(ended(marker, "logout"));

        // Then only the marker's logout is delivered (the topic keeps the order on the test broker's one partition)
        Eventually.await(WAIT, () -> !rp.received(path).isEmpty(), "the marker's logout delivered");
        Thread.sleep(500);
        assertEquals(1, rp.received(path).size());
        assertEquals(marker, verify(rp.received(path).getFirst().logoutToken(), client).getStringClaimValue("sid"));
        assertEquals(java.util.Set.of(client), participants.of("demo", replaced).await().atMost(WAIT));
    }

    @Test
    void endToEndAClientThatGotACodeIsToldWhenTheUserLogsOutAtAnotherRp() throws Exception {
        // Given alice's session, in which a back-channel RP got a code (through the authorization endpoint)
        String path = "/e2e-" + UUID.randomUUID();
        String client = LogoutClients.register(rp.uri(path));
        Session session = FakeSessionStore.sessionOf("demo", "alice");
        given().redirects().follow(false).cookie("arbor_session", session.getId())
                .queryParam("response_type", "code").queryParam("client_id", client)
                .queryParam("redirect_uri", LogoutClients.REDIRECT).queryParam("scope", "openid")
                .queryParam("code_challenge", Pkce.CHALLENGE).queryParam("code_challenge_method", "S256")
                .when().get("/realms/demo/oauth2/authorize")
                .then().statusCode(303).header("Location", startsWith(LogoutClients.REDIRECT + "?code="));

        // When alice confirms a logout started without a hint, and session-store announces the end
        String html = given().cookie("arbor_session", session.getId()).when().get("/realms/demo/oauth2/logout")
                .then().statusCode(200).extract().body().asString();
        String csrf = html.replaceAll("(?s).*name=\"arbor_logout_csrf\" value=\"([^\"]+)\".*", "$1");
        given().redirects().follow(false).cookie("arbor_session", session.getId()).cookie("arbor_logout_csrf", csrf)
                .contentType("application/x-www-form-urlencoded").formParam("arbor_logout_csrf", csrf)
                .when().post("/realms/demo/oauth2/logout")
                .then().statusCode(200).body(containsString("You are signed out"));
        assertTrue(FakeSessionStore.ENDED.stream().anyMatch(r -> r.getId().equals(session.getId())
                && r.getReason().equals("logout")));
        publish(ended(session.getSid(), "logout")); // session-store keys events by the public sid

        // Then the RP receives its logout token for that session, naming its public sid (never the cookie value)
        Eventually.await(WAIT, () -> !rp.received(path).isEmpty(), "the RP was told");
        assertEquals(session.getSid(), verify(rp.received(path).getFirst().logoutToken(), client)
                .getStringClaimValue("sid"));
    }

    private void participate(String sid, String clientId) {
        participants.add("demo", sid, clientId, Instant.now().plusSeconds(3600)).await().atMost(WAIT);
    }

    private double count(String result) {
        return metrics.counter("arbor.federation.backchannel.logout", "result", result).count();
    }

    private static SessionEvent.Ended ended(String sid, String reason) {
        return new SessionEvent.Ended(UUID.randomUUID().toString(), Instant.now(), "demo", sid, "alice", reason);
    }

    /** As an RP verifies (§2.6): signature against the realm's JWKS, typ, iss, aud, iat, exp. */
    private static JwtClaims verify(String logoutToken, String clientId) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(TestKeys.jwksJson()).getJsonWebKeys()))
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, "RS256"))
                .setExpectedType(true, "logout+jwt")
                .setExpectedIssuer(TestTokens.issuerOf("demo"))
                .setExpectedAudience(clientId)
                .setRequireIssuedAt()
                .setRequireExpirationTime()
                .setRequireJwtId()
                .build()
                .processToClaims(logoutToken);
    }

    private static void publish(SessionEvent.Ended event) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(config)) {
            producer.send(new ProducerRecord<>(Topics.SESSION, event.sid(), EventJson.write(event))).get();
        }
    }
}
