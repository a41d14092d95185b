package dev.arbor.token.adapter.in.kafka;

import static dev.arbor.token.support.TestGrants.REALM;
import static dev.arbor.token.support.TestGrants.codeRequest;
import static dev.arbor.token.support.TestGrants.redeemRequest;
import static dev.arbor.token.support.TestRefresh.jti;
import static dev.arbor.token.support.TestRefresh.refreshPolicy;
import static dev.arbor.token.support.TestRefresh.refreshRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.contracts.events.Topics;
import dev.arbor.contracts.token.v1.Authentication;
import dev.arbor.contracts.token.v1.ListRevocationsRequest;
import dev.arbor.contracts.token.v1.TokenResult;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.contracts.token.v1.Tokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.KafkaTopicReader;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import dev.arbor.token.support.TestGrants;
import dev.arbor.token.support.TestGrants.Pkce;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens end with their SSO session: a {@code session.ended} on the real broker revokes every
 * refresh-token family of that sid and the access tokens still alive ({@code token.revoked} published),
 * and leaves other sessions' families alone.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class SessionEndedRevocationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("token")
    TokenService token;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void sessionEndedRevokesEveryFamilyOfTheSessionAndItsLiveAccessTokens() throws Exception {
        // Given two clients' refresh-token families of one session, and a family of another session
        String sid = "sess-" + UUID.randomUUID();
        Tokens spa = redeemWithRefresh(sid, TestGrants.CLIENT_ID);
        Tokens rp = redeemWithRefresh(sid, "demo-rp");
        Tokens other = redeemWithRefresh("sess-" + UUID.randomUUID(), TestGrants.CLIENT_ID);

        // When session-store announces that the session ended
        publish(new SessionEvent.Ended(UUID.randomUUID().toString(), Instant.now(), REALM, sid, "alice", "logout"));

        // Then the session's refresh tokens are refused and their access tokens revoked and announced
        // (polled through ListRevocations: a refresh would rotate the token and prove nothing)
        await(() -> revokedJtis().containsAll(Set.of(jti(spa.getAccessToken()), jti(rp.getAccessToken()))),
                "both families' access tokens revoked");
        assertEquals("invalid_grant", refresh(spa.getRefreshToken(), TestGrants.CLIENT_ID).getError().getCode());
        assertEquals("invalid_grant", refresh(rp.getRefreshToken(), "demo-rp").getError().getCode());
        Set<String> revoked = revokedJtis();
        for (String jti : new String[] {jti(spa.getAccessToken()), jti(rp.getAccessToken())}) {
            assertTrue(revoked.contains(jti), "access token revoked: " + jti);
            assertTrue(KafkaTopicReader.find(bootstrapServers, Topics.TOKEN, r -> jti.equals(r.key())).isPresent(),
                    "token.revoked published for " + jti);
        }
        // And another session's family is untouched
        assertFalse(revoked.contains(jti(other.getAccessToken())));
        assertTrue(refresh(other.getRefreshToken(), TestGrants.CLIENT_ID).hasTokens());
    }

    @Test
    void aSessionOfAnotherRealmWithTheSameIdIsNotTouchedAndMalformedEventsAreSkipped() throws Exception {
        String sid = "sess-" + UUID.randomUUID();
        Tokens mine = redeemWithRefresh(sid, TestGrants.CLIENT_ID);

        publishRaw("{not json");
        publish(new SessionEvent.Ended(UUID.randomUUID().toString(), Instant.now(), "other-realm", sid, "alice",
                "logout"));
        // a marker event after them: once it is handled, the ones before were too (the test broker's topic
        // has one partition, and the consumer handles one event after the other)
        String marker = "sess-" + UUID.randomUUID();
        Tokens markerTokens = redeemWithRefresh(marker, TestGrants.CLIENT_ID);
        publish(new SessionEvent.Ended(UUID.randomUUID().toString(), Instant.now(), REALM, marker, "alice", "admin"));
        await(() -> revokedJtis().contains(jti(markerTokens.getAccessToken())), "marker handled");

        assertTrue(refresh(mine.getRefreshToken(), TestGrants.CLIENT_ID).hasTokens(),
                "session.ended of another realm leaves this realm's family alive");
    }

    private Tokens redeemWithRefresh(String sid, String clientId) {
        Pkce pkce = Pkce.random();
        Authentication alice = TestGrants.alice().toBuilder().setSessionId(sid).build();
        String code = token.issueAuthorizationCode(codeRequest(pkce).setClientId(clientId).setAuthentication(alice)
                .setPolicy(refreshPolicy()).build()).await().atMost(WAIT).getCode();
        TokenResult result = token.redeemAuthorizationCode(redeemRequest(code, pkce).setClientId(clientId).build())
                .await().atMost(WAIT);
        assertTrue(result.hasTokens(), () -> "redemption failed: " + result.getError());
        return result.getTokens();
    }

    private TokenResult refresh(String refreshToken, String clientId) {
        return token.refreshTokens(refreshRequest(refreshToken).setClientId(clientId).build()).await().atMost(WAIT);
    }

    private Set<String> revokedJtis() {
        return token.listRevocations(ListRevocationsRequest.newBuilder().setRealm(REALM).build()).await().atMost(WAIT)
                .getRevocationsList().stream().map(r -> r.getJti()).collect(Collectors.toSet());
    }

    private void publish(SessionEvent.Ended event) throws Exception {
        send(event.sid(), EventJson.write(event));
    }

    private void publishRaw(String payload) throws Exception {
        send("malformed", payload);
    }

    private void send(String key, String value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(config)) {
            producer.send(new ProducerRecord<>(Topics.SESSION, key, value)).get();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within " + WAIT + ": " + what);
    }
}
