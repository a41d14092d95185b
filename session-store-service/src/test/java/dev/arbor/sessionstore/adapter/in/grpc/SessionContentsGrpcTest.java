package dev.arbor.sessionstore.adapter.in.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.contracts.events.Topics;
import dev.arbor.contracts.sessionstore.v1.CreateSessionRequest;
import dev.arbor.contracts.sessionstore.v1.EndSessionRequest;
import dev.arbor.contracts.sessionstore.v1.GetSessionRequest;
import dev.arbor.contracts.sessionstore.v1.ListSessionsRequest;
import dev.arbor.contracts.sessionstore.v1.NodeResult;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** What a session holds besides who and how: node results, properties; replacing; listing; end reasons. */
@QuarkusTest
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class SessionContentsGrpcTest {
    @GrpcClient("session-store")
    SessionStoreGrpc.SessionStoreBlockingStub store;

    @Inject
    RedisDataSource redis;

    @Inject
    SessionStoreConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void nodeResultsAndPropertiesComeBackAndEachResultExpiresOnItsOwn() throws InterruptedException {
        long now = Instant.now().getEpochSecond();
        NodeResult longLived = result("otp", "true", now, now + 3600);
        NodeResult shortLived = result("captcha", "passed", now, now + 2);
        Session created = store.createSession(newSession("demo", subject(), 3600)
                .addNodeResults(longLived).addNodeResults(shortLived)
                .putProperties("department", "sales").build());

        Session read = store.getSession(lookup("demo", created.getId())).getSession();
        assertEquals(List.of(longLived, shortLived), read.getNodeResultsList());
        assertEquals(Map.of("department", "sales"), read.getPropertiesMap());

        waitUntilEpochSecond(now + 3);
        Session later = store.getSession(lookup("demo", created.getId())).getSession();
        assertEquals(List.of(longLived), later.getNodeResultsList());
        assertEquals(Map.of("department", "sales"), later.getPropertiesMap());
    }

    @Test
    void nodeResultNeverOutlivesItsSession() {
        long now = Instant.now().getEpochSecond();
        Session created = store.createSession(newSession("demo", subject(), 600)
                .addNodeResults(result("otp", "true", now, now + 86_400)).build());

        NodeResult kept = store.getSession(lookup("demo", created.getId())).getSession().getNodeResults(0);
        assertEquals(created.getExpiresAt(), kept.getExpiresAt());
    }

    @Test
    void replacingSessionEndsTheOldOneWithReasonReplacedAndGetsAFreshId() {
        String subject = subject();
        Session old = store.createSession(newSession("demo", subject, 3600).build());

        Session replacement = store.createSession(newSession("demo", subject, 3600)
                .setReplacesSessionId(old.getId()).build());

        assertNotEquals(old.getId(), replacement.getId());
        assertFalse(store.getSession(lookup("demo", old.getId())).getFound());
        assertTrue(store.getSession(lookup("demo", replacement.getId())).getFound());
        assertEquals("replaced", endedEvent(old.getId()).reason());
    }

    @Test
    void replacingASessionOfAnotherRealmLeavesItAlone() {
        String subject = subject();
        Session other = store.createSession(newSession("admin", subject, 3600).build());

        store.createSession(newSession("demo", subject, 3600).setReplacesSessionId(other.getId()).build());

        assertTrue(store.getSession(lookup("admin", other.getId())).getFound());
    }

    @Test
    void listSessionsReturnsTheLiveSessionsOfOneSubjectInOneRealmOnly() {
        String alice = subject();
        Session first = store.createSession(newSession("demo", alice, 3600).build());
        Session second = store.createSession(newSession("demo", alice, 600).build());
        Session third = store.createSession(newSession("demo", alice, 60).build());
        store.createSession(newSession("admin", alice, 3600).build());
        store.createSession(newSession("demo", subject(), 3600).build());
        store.endSession(EndSessionRequest.newBuilder().setRealm("demo").setId(third.getId()).build());

        List<Session> listed = store.listSessions(ListSessionsRequest.newBuilder()
                .setRealm("demo").setSubject(alice).build()).getSessionsList();

        assertEquals(Set.of(first.getId(), second.getId()),
                listed.stream().map(Session::getId).collect(Collectors.toSet()));
        assertTrue(listed.stream().allMatch(s -> s.getSubject().equals(alice) && s.getRealm().equals("demo")));
    }

    @Test
    void subjectIndexExpiresWithTheLongestSessionAndEndedMembersLeaveIt() {
        String subject = subject();
        Session longer = store.createSession(newSession("demo", subject, 3600).build());
        Session shorter = store.createSession(newSession("demo", subject, 60).build());
        store.endSession(EndSessionRequest.newBuilder().setRealm("demo").setId(shorter.getId()).build());

        String index = config.redis().keyPrefix() + "subject-sessions:" + b64("demo") + ":" + b64(subject);

        assertEquals(Set.of(), redis.set(String.class).smembers(index).stream()
                .filter(member -> member.contains(longer.getId())).collect(Collectors.toSet()), "raw id in index");
        assertEquals(1, redis.set(String.class).scard(index), "the ended session left the index");
        assertTrue(redis.key().pttl(index) > 3_500_000, "the index lives as long as the longest session");
        assertTrue(redis.key().pttl(index) <= 3_600_000);
    }

    @Test
    void expiredSessionsLeaveTheListAndArePrunedFromTheIndexWhenRead() throws InterruptedException {
        String subject = subject();
        Session lasting = store.createSession(newSession("demo", subject, 3600).build());
        Session brief = store.createSession(newSession("demo", subject, 1).build());
        String index = config.redis().keyPrefix() + "subject-sessions:" + b64("demo") + ":" + b64(subject);
        assertEquals(2, redis.set(String.class).scard(index));

        waitUntilEpochSecond(brief.getExpiresAt() + 1);
        List<Session> listed = store.listSessions(ListSessionsRequest.newBuilder()
                .setRealm("demo").setSubject(subject).build()).getSessionsList();

        assertEquals(List.of(lasting.getId()), listed.stream().map(Session::getId).toList());
        assertEquals(1, redis.set(String.class).scard(index), "the expired member was pruned");
    }

    @Test
    void sessionValueHoldsTheIdOnlySealed() {
        Session created = store.createSession(newSession("demo", subject(), 3600).build());

        redis.key().keys(config.redis().keyPrefix() + "*").stream()
                .filter(key -> redis.key().type(key).toString().equalsIgnoreCase("string"))
                .forEach(key -> assertFalse(redis.value(String.class).get(key).contains(created.getId())));
    }

    @Test
    void endWithReasonAdminPublishesThatReasonAndBlankMeansLogout() {
        Session byAdmin = store.createSession(newSession("demo", subject(), 3600).build());
        Session byUser = store.createSession(newSession("demo", subject(), 3600).build());

        assertTrue(store.endSession(EndSessionRequest.newBuilder().setRealm("demo").setId(byAdmin.getId())
                .setReason("admin").build()).getEnded());
        assertTrue(store.endSession(EndSessionRequest.newBuilder().setRealm("demo").setId(byUser.getId())
                .build()).getEnded());

        assertEquals("admin", endedEvent(byAdmin.getId()).reason());
        assertEquals("logout", endedEvent(byUser.getId()).reason());
    }

    @Test
    void badRequestsAreInvalidArgument() {
        long now = Instant.now().getEpochSecond();
        assertInvalid(() -> store.createSession(newSession("demo", subject(), 0).build()));
        assertInvalid(() -> store.createSession(newSession("demo", subject(), -5).build()));
        assertInvalid(() -> store.createSession(newSession("", subject(), 60).build()));
        assertInvalid(() -> store.createSession(newSession("demo", subject(), 60)
                .addNodeResults(result("", "true", now, now + 60)).build()));
        assertInvalid(() -> store.createSession(newSession("demo", subject(), 60)
                .addNodeResults(result("otp", "", now, now + 60)).build()));
        assertInvalid(() -> store.listSessions(ListSessionsRequest.newBuilder().setRealm("demo").build()));
        assertInvalid(() -> store.listSessions(ListSessionsRequest.newBuilder().setSubject("alice").build()));
        Session created = store.createSession(newSession("demo", subject(), 60).build());
        assertInvalid(() -> store.endSession(EndSessionRequest.newBuilder().setRealm("demo")
                .setId(created.getId()).setReason("because").build()));
        assertTrue(store.getSession(lookup("demo", created.getId())).getFound(), "a refused end ends nothing");
    }

    static void assertInvalid(org.junit.jupiter.api.function.Executable call) {
        var error = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
    }

    private SessionEvent.Ended endedEvent(String sessionId) {
        String sid = dev.arbor.contracts.session.SessionIds.sid(sessionId);
        var record = KafkaTopicReader.find(bootstrapServers, Topics.SESSION,
                r -> sid.equals(r.key()) && r.value().contains(SessionEvent.ENDED)).orElseThrow();
        return (SessionEvent.Ended) EventJson.read(record.value(), SessionEvent.class);
    }

    static NodeResult result(String nodeId, String outcome, long rememberedAt, long expiresAt) {
        return NodeResult.newBuilder().setTree("login").setNodeId(nodeId).setOutcome(outcome)
                .putShared("otp.verified", "true").setSubject("alice")
                .setRememberedAt(rememberedAt).setExpiresAt(expiresAt).build();
    }

    private static String b64(String value) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String subject() {
        return "user-" + UUID.randomUUID();
    }

    private static CreateSessionRequest.Builder newSession(String realm, String subject, long ttlSeconds) {
        return CreateSessionRequest.newBuilder()
                .setRealm(realm)
                .setSubject(subject)
                .setAcr("0")
                .addAmr("pwd")
                .setTtlSeconds(ttlSeconds);
    }

    private static GetSessionRequest lookup(String realm, String id) {
        return GetSessionRequest.newBuilder().setRealm(realm).setId(id).build();
    }

    /** Expiry is in epoch seconds and checked against the service's clock: wait for the wall clock. */
    static void waitUntilEpochSecond(long epochSecond) throws InterruptedException {
        while (Instant.now().getEpochSecond() < epochSecond) {
            Thread.sleep(100);
        }
    }
}
