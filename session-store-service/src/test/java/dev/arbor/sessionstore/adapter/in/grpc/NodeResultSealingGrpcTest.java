package dev.arbor.sessionstore.adapter.in.grpc;

import static dev.arbor.sessionstore.adapter.in.grpc.SessionContentsGrpcTest.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.sessionstore.v1.CreateSessionRequest;
import dev.arbor.contracts.sessionstore.v1.EndSessionRequest;
import dev.arbor.contracts.sessionstore.v1.NodeResult;
import dev.arbor.contracts.sessionstore.v1.SealNodeResultRequest;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.contracts.sessionstore.v1.SessionStoreGrpc;
import dev.arbor.contracts.sessionstore.v1.UnsealNodeResultRequest;
import dev.arbor.contracts.sessionstore.v1.UnsealNodeResultResponse;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.junit.jupiter.api.Test;

/** SealNodeResult / UnsealNodeResult: a compact JWE that opens only intact, in its realm, in time, before logout. */
@QuarkusTest
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class NodeResultSealingGrpcTest {
    @GrpcClient("session-store")
    SessionStoreGrpc.SessionStoreBlockingStub store;

    @ConfigProperty(name = "arbor.session-store.node-result-key")
    String currentKey;

    @ConfigProperty(name = "arbor.session-store.node-result-previous-keys")
    String previousKey;

    @Test
    void sealedResultIsACompactDirA256GcmJweThatOpensToTheSameResult() throws Exception {
        NodeResult result = result(subject(), Instant.now().getEpochSecond(), 3600);

        String sealed = seal("demo", result);
        UnsealNodeResultResponse opened = unseal("demo", sealed);

        assertEquals(5, sealed.split("\\.", -1).length);
        String header = new String(Base64.getUrlDecoder().decode(sealed.substring(0, sealed.indexOf('.'))),
                StandardCharsets.UTF_8);
        assertTrue(header.contains("\"alg\":\"dir\"") && header.contains("\"enc\":\"A256GCM\""), header);
        assertTrue(header.contains("\"kid\":\"" + kid(currentKey) + "\""), header);
        assertFalse(sealed.contains("otp.verified"), "the plaintext shows through");
        assertTrue(opened.getValid());
        assertEquals(result, opened.getResult());
    }

    @Test
    void tamperedOrUnparseableValueIsNotValid() {
        String sealed = seal("demo", result(subject(), Instant.now().getEpochSecond(), 3600));
        String[] parts = sealed.split("\\.", -1);
        char flipped = parts[3].charAt(0) == 'A' ? 'B' : 'A';
        parts[3] = flipped + parts[3].substring(1);

        assertFalse(unseal("demo", String.join(".", parts)).getValid());
        assertFalse(unseal("demo", "not-a-jwe").getValid());
        assertFalse(unseal("demo", "").getValid());
    }

    @Test
    void resultSealedForAnotherRealmIsNotValid() {
        String sealed = seal("admin", result(subject(), Instant.now().getEpochSecond(), 3600));

        assertFalse(unseal("demo", sealed).getValid());
        assertTrue(unseal("admin", sealed).getValid());
    }

    @Test
    void expiredResultIsNotValid() throws Exception {
        long now = Instant.now().getEpochSecond();
        String sealed = jwe(currentKey, KeyManagementAlgorithmIdentifiers.DIRECT,
                plaintext("demo", subject(), now - 100, now - 1));

        assertFalse(unseal("demo", sealed).getValid());
    }

    @Test
    void sealedLifetimeIsCappedAtTheMaximum() {
        long now = Instant.now().getEpochSecond();
        String sealed = seal("demo", result(subject(), now, Duration.ofDays(365).toSeconds()));

        long expiresAt = unseal("demo", sealed).getResult().getExpiresAt();
        assertTrue(expiresAt <= now + Duration.ofDays(30).toSeconds() + 2, "capped at node-result-max-ttl");
    }

    @Test
    void logoutForgetsResultsSealedBeforeItButNotLaterOnes() {
        String subject = subject();
        long now = Instant.now().getEpochSecond();
        String before = seal("demo", result(subject, now - 10, 3600));
        String after = seal("demo", result(subject, now + 5, 3600));
        String otherUser = seal("demo", result(subject(), now - 10, 3600));
        Session session = store.createSession(newSession(subject));

        store.endSession(EndSessionRequest.newBuilder().setRealm("demo").setId(session.getId()).build());

        assertFalse(unseal("demo", before).getValid());
        assertTrue(unseal("demo", after).getValid());
        assertTrue(unseal("demo", otherUser).getValid());
    }

    @Test
    void replacingASessionForgetsNothing() {
        String subject = subject();
        String sealed = seal("demo", result(subject, Instant.now().getEpochSecond() - 10, 3600));
        Session old = store.createSession(newSession(subject));

        store.createSession(newSession(subject).toBuilder().setReplacesSessionId(old.getId()).build());

        assertTrue(unseal("demo", sealed).getValid());
    }

    @Test
    void valueSealedWithAPreviousKeyStillOpensAndAnUnknownKeyDoesNot() throws Exception {
        long now = Instant.now().getEpochSecond();
        String byPrevious = jwe(previousKey, KeyManagementAlgorithmIdentifiers.DIRECT,
                plaintext("demo", subject(), now, now + 600));
        String unknownKey = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("an-unknown-32-byte-key-for-tests".getBytes(StandardCharsets.UTF_8));
        String byUnknown = jwe(unknownKey, KeyManagementAlgorithmIdentifiers.DIRECT,
                plaintext("demo", subject(), now, now + 600));

        assertTrue(unseal("demo", byPrevious).getValid());
        assertFalse(unseal("demo", byUnknown).getValid());
    }

    @Test
    void valueWithAnotherAlgorithmIsNotValid() throws Exception {
        long now = Instant.now().getEpochSecond();
        String keyWrapped = jwe(currentKey, KeyManagementAlgorithmIdentifiers.A256KW,
                plaintext("demo", subject(), now, now + 600));

        assertFalse(unseal("demo", keyWrapped).getValid());
    }

    @Test
    void badSealAndUnsealRequestsAreInvalidArgument() {
        long now = Instant.now().getEpochSecond();
        assertInvalid(() -> store.sealNodeResult(SealNodeResultRequest.newBuilder()
                .setResult(result("alice", now, 60)).build()));
        assertInvalid(() -> store.sealNodeResult(SealNodeResultRequest.newBuilder().setRealm("demo").build()));
        assertInvalid(() -> store.sealNodeResult(SealNodeResultRequest.newBuilder().setRealm("demo")
                .setResult(result("alice", now, 60).toBuilder().setNodeId("")).build()));
        assertInvalid(() -> store.sealNodeResult(SealNodeResultRequest.newBuilder().setRealm("demo")
                .setResult(result("alice", now, 60).toBuilder().setOutcome("")).build()));
        assertInvalid(() -> store.sealNodeResult(SealNodeResultRequest.newBuilder().setRealm("demo")
                .setResult(result("alice", now - 100, 0)).build()));
        assertInvalid(() -> store.sealNodeResult(SealNodeResultRequest.newBuilder().setRealm("demo")
                .setResult(result("alice", now, 60).toBuilder().putShared("big", "x".repeat(9000))).build()));
        assertInvalid(() -> store.unsealNodeResult(UnsealNodeResultRequest.newBuilder()
                .setSealed("x").build()));
        assertInvalid(() -> store.unsealNodeResult(UnsealNodeResultRequest.newBuilder().setRealm("demo")
                .setSealed("x".repeat(8 * 1024 + 1)).build()));
    }

    private String seal(String realm, NodeResult result) {
        return store.sealNodeResult(SealNodeResultRequest.newBuilder().setRealm(realm).setResult(result).build())
                .getSealed();
    }

    private UnsealNodeResultResponse unseal(String realm, String sealed) {
        return store.unsealNodeResult(UnsealNodeResultRequest.newBuilder().setRealm(realm).setSealed(sealed).build());
    }

    private static NodeResult result(String subject, long rememberedAt, long ttlSeconds) {
        return NodeResult.newBuilder().setTree("login").setNodeId("otp").setOutcome("true")
                .putShared("otp.verified", "true").setSubject(subject)
                .setRememberedAt(rememberedAt).setExpiresAt(rememberedAt + ttlSeconds).build();
    }

    private static String plaintext(String realm, String subject, long rememberedAt, long expiresAt) {
        return "{\"realm\":\"" + realm + "\",\"tree\":\"login\",\"nodeId\":\"otp\",\"outcome\":\"true\","
                + "\"shared\":{},\"subject\":\"" + subject + "\",\"rememberedAt\":" + rememberedAt
                + ",\"expiresAt\":" + expiresAt + "}";
    }

    /** A value made the way session-store makes it (content type included), with a chosen key and algorithm. */
    private static String jwe(String base64urlKey, String alg, String plaintext) throws Exception {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue(alg);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setKeyIdHeaderValue(kid(base64urlKey));
        jwe.setContentTypeHeaderValue("arbor-node-result+json");
        jwe.setKey(new SecretKeySpec(Base64.getUrlDecoder().decode(base64urlKey), "AES"));
        jwe.setPayload(plaintext);
        return jwe.getCompactSerialization();
    }

    private static String kid(String base64urlKey) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getUrlDecoder().decode(base64urlKey));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 8);
    }

    private static String subject() {
        return "user-" + UUID.randomUUID();
    }

    private static CreateSessionRequest newSession(String subject) {
        return CreateSessionRequest.newBuilder().setRealm("demo").setSubject(subject).setAcr("0").addAmr("pwd")
                .setTtlSeconds(600).build();
    }
}
