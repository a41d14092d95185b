package dev.arbor.sessionstore.adapter.in.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.contracts.session.SessionIds;
import dev.arbor.contracts.events.Topics;
import dev.arbor.contracts.sessionstore.v1.CreateSessionRequest;
import dev.arbor.contracts.sessionstore.v1.EndSessionRequest;
import dev.arbor.contracts.sessionstore.v1.GetSessionRequest;
import dev.arbor.contracts.sessionstore.v1.GetSessionResponse;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.contracts.sessionstore.v1.SessionStoreGrpc;
import dev.arbor.sessionstore.config.SessionStoreConfig;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.KafkaTopicReader;
import dev.arbor.testing.RedisTestPrefix;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class SsoSessionGrpcTest {
    private static final long AUTH_TIME = 1_790_000_000L;

    @GrpcClient("session-store")
    SessionStoreGrpc.SessionStoreBlockingStub store;

    @Inject
    RedisDataSource redis;

    @Inject
    SessionStoreConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void createdSessionIsFoundInItsRealmWithEverythingThatWasStored() {
        long before = Instant.now().getEpochSecond();

        Session created = store.createSession(newSession("demo", "alice", 3600));
        GetSessionResponse read = store.getSession(lookup("demo", created.getId()));

        assertEquals(43, created.getId().length());
        assertTrue(read.getFound());
        assertEquals(created, read.getSession());
        assertEquals("alice", read.getSession().getSubject());
        assertEquals(AUTH_TIME, read.getSession().getAuthTime());
        assertEquals(List.of("pwd"), read.getSession().getAmrList());
        assertTrue(created.getExpiresAt() >= before + 3600 && created.getExpiresAt() <= before + 3602);
    }

    @Test
    void sessionOfOneRealmIsNotFoundInAnotherRealm() {
        Session created = store.createSession(newSession("demo", "alice", 3600));

        GetSessionResponse fromOtherRealm = store.getSession(lookup("admin", created.getId()));

        assertFalse(fromOtherRealm.getFound());
        assertFalse(fromOtherRealm.hasSession());
    }

    @Test
    void endingFromAnotherRealmDoesNotEndTheSession() {
        Session created = store.createSession(newSession("demo", "alice", 3600));

        boolean ended = store.endSession(end("admin", created.getId())).getEnded();

        assertFalse(ended);
        assertTrue(store.getSession(lookup("demo", created.getId())).getFound());
    }

    @Test
    void endedSessionIsNoLongerFoundAndASecondEndReportsNothingEnded() {
        Session created = store.createSession(newSession("demo", "alice", 3600));

        boolean first = store.endSession(end("demo", created.getId())).getEnded();
        boolean second = store.endSession(end("demo", created.getId())).getEnded();

        assertTrue(first);
        assertFalse(second);
        assertFalse(store.getSession(lookup("demo", created.getId())).getFound());
    }

    @Test
    void unknownOrBlankSessionIdIsNotFound() {
        assertFalse(store.getSession(lookup("demo", "no-such-session")).getFound());
        assertFalse(store.getSession(lookup("demo", "")).getFound());
    }

    @Test
    void redisKeyAndValueDoNotContainTheRawSessionId() {
        Session created = store.createSession(newSession("demo", "alice", 3600));

        var keys = redis.key().keys(config.redis().keyPrefix() + "sso:*");

        assertFalse(keys.isEmpty());
        keys.forEach(key -> {
            assertFalse(key.contains(created.getId()), "key holds the raw session id");
            assertFalse(redis.value(String.class).get(key).contains(created.getId()), "value holds the raw id");
        });
    }

    @Test
    void sessionKeyExpiresWithTheSession() {
        Session created = store.createSession(newSession("demo", "carol", 600));

        var keys = redis.key().keys(config.redis().keyPrefix() + "sso:*");
        long longest = keys.stream().mapToLong(key -> redis.key().pttl(key)).max().orElseThrow();

        assertTrue(longest > 0, "session keys must expire");
        assertTrue(store.getSession(lookup("demo", created.getId())).getSession().getExpiresAt()
                <= Instant.now().getEpochSecond() + 601);
    }

    @Test
    void createWithoutSubjectIsInvalidArgument() {
        var error = assertThrows(StatusRuntimeException.class,
                () -> store.createSession(CreateSessionRequest.newBuilder().setRealm("demo").build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
    }

    @Test
    void createPublishesSessionCreatedKeyedByThePublicSidNeverTheId() {
        Session created = store.createSession(newSession("demo", "alice", 3600));

        ConsumerRecord<String, String> record = KafkaTopicReader.find(bootstrapServers, Topics.SESSION,
                r -> created.getSid().equals(r.key()) && r.value().contains(SessionEvent.CREATED)).orElseThrow();

        var event = (SessionEvent.Created) EventJson.read(record.value(), SessionEvent.class);
        assertEquals(SessionIds.sid(created.getId()), created.getSid());
        assertEquals(created.getSid(), event.sid());
        assertFalse(record.value().contains(created.getId()), "the session id (cookie value) is never on the topic");
        assertEquals("demo", event.realm());
        assertEquals("alice", event.subject());
        assertEquals(List.of("pwd"), event.amr());
        assertEquals(created.getExpiresAt(), event.expiresAt().getEpochSecond());
    }

    @Test
    void endPublishesSessionEndedKeyedByThePublicSid() {
        Session created = store.createSession(newSession("demo", "bob", 3600));
        store.endSession(end("demo", created.getId()));

        ConsumerRecord<String, String> record = KafkaTopicReader.find(bootstrapServers, Topics.SESSION,
                r -> created.getSid().equals(r.key()) && r.value().contains(SessionEvent.ENDED)).orElseThrow();

        var event = (SessionEvent.Ended) EventJson.read(record.value(), SessionEvent.class);
        assertEquals(created.getSid(), event.sid());
        assertFalse(record.value().contains(created.getId()), "the session id (cookie value) is never on the topic");
        assertEquals("demo", event.realm());
        assertEquals("bob", event.subject());
    }

    private static CreateSessionRequest newSession(String realm, String subject, long ttlSeconds) {
        return CreateSessionRequest.newBuilder()
                .setRealm(realm)
                .setSubject(subject)
                .setAuthTime(AUTH_TIME)
                .setAcr("0")
                .addAmr("pwd")
                .setTtlSeconds(ttlSeconds)
                .build();
    }

    private static GetSessionRequest lookup(String realm, String id) {
        return GetSessionRequest.newBuilder().setRealm(realm).setId(id).build();
    }

    private static EndSessionRequest end(String realm, String id) {
        return EndSessionRequest.newBuilder().setRealm(realm).setId(id).build();
    }
}
