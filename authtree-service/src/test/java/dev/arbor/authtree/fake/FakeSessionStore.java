package dev.arbor.authtree.fake;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.arbor.contracts.sessionstore.v1.CreateSessionRequest;
import dev.arbor.contracts.sessionstore.v1.DeleteJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.DeleteJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.EndSessionRequest;
import dev.arbor.contracts.sessionstore.v1.EndSessionResponse;
import dev.arbor.contracts.sessionstore.v1.GetJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.GetJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.GetSessionRequest;
import dev.arbor.contracts.sessionstore.v1.GetSessionResponse;
import dev.arbor.contracts.sessionstore.v1.ListSessionsRequest;
import dev.arbor.contracts.sessionstore.v1.ListSessionsResponse;
import dev.arbor.contracts.sessionstore.v1.NodeResult;
import dev.arbor.contracts.sessionstore.v1.PutJourneyStateRequest;
import dev.arbor.contracts.sessionstore.v1.PutJourneyStateResponse;
import dev.arbor.contracts.sessionstore.v1.SealNodeResultRequest;
import dev.arbor.contracts.sessionstore.v1.SealNodeResultResponse;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.contracts.sessionstore.v1.SessionStore;
import dev.arbor.contracts.sessionstore.v1.UnsealNodeResultRequest;
import dev.arbor.contracts.sessionstore.v1.UnsealNodeResultResponse;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake of the session-store PEER, served on this service's own test server. It follows the contract
 * (arbor/sessionstore/v1/session_store.proto) the way session-store does, in memory:
 * <ul>
 * <li>journey state in a ConcurrentHashMap with real compare-and-set on the version (TTL not enforced);
 * <li>sessions with their node results (GetSession/ListSessions return only results whose expires_at is in
 * the future, capped at the session's expiry) and properties; {@code replaces_session_id} ends the old
 * session (reason "replaced"); sessions expire at {@code auth_time + ttl}; everything is realm scoped;
 * <li>EndSession (reason "logout" when empty) records the reason; any reason but "replaced" sets the
 * (realm, subject) forget-before marker, which makes results sealed up to that second unseal as invalid;
 * <li>Seal/Unseal: a TEST-ONLY reversible format, {@code fake1.<b64url realm>.<b64url NodeResult proto>.<b64url
 * HMAC-SHA256>} with a fixed key; tampering, another realm, expiry or the forget-before marker give
 * valid=false, never an error. The real sealing (JWE dir/A256GCM) lives in session-store.
 * </ul>
 * Bad input (missing realm/subject, ttl <= 0, node result without node_id/outcome or with expires_at not after
 * remembered_at, sealing an expired result, unknown end reason, sealed value > 8 KiB) is INVALID_ARGUMENT, as
 * session-store answers. Sealed results are capped at 30 days, as session-store's default.
 */
@GrpcService
public class FakeSessionStore implements SessionStore {
    /** Reason of an EndSession without one. */
    public static final String REASON_LOGOUT = "logout";
    public static final String REASON_REPLACED = "replaced";
    private static final String SEAL_PREFIX = "fake1";
    private static final int MAX_SEALED_LENGTH = 8 * 1024;
    /** session-store's arbor.session-store.node-result-max-ttl default: P30D. */
    private static final long MAX_RESULT_TTL = 30L * 24 * 3600;
    private static final byte[] SEAL_KEY = "arbor-authtree-fake-session-store-test-key".getBytes(StandardCharsets.UTF_8);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private record Entry(long version, byte[] state) {
    }

    /** A session ended through EndSession or replaced by CreateSession, in the order it happened. */
    public record EndedSession(String realm, String id, String subject, String reason) {
    }

    private final Map<String, Entry> journeys = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Long> forgetBefore = new ConcurrentHashMap<>();
    private final List<byte[]> writes = new CopyOnWriteArrayList<>();
    private final List<EndedSession> ended = new CopyOnWriteArrayList<>();

    @Override
    public Uni<PutJourneyStateResponse> putJourneyState(PutJourneyStateRequest request) {
        long expected = request.getExpectedVersion();
        boolean[] stored = {false};
        Entry result = journeys.compute(request.getJourneyId(), (id, current) -> {
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != expected) {
                return current;
            }
            stored[0] = true;
            return new Entry(expected + 1, request.getState().toByteArray());
        });
        if (stored[0]) {
            writes.add(request.getState().toByteArray());
        }
        return Uni.createFrom().item(PutJourneyStateResponse.newBuilder()
                .setStored(stored[0]).setVersion(stored[0] ? result.version() : 0).build());
    }

    @Override
    public Uni<GetJourneyStateResponse> getJourneyState(GetJourneyStateRequest request) {
        Entry entry = journeys.get(request.getJourneyId());
        GetJourneyStateResponse.Builder response = GetJourneyStateResponse.newBuilder().setFound(entry != null);
        if (entry != null) {
            response.setVersion(entry.version()).setState(com.google.protobuf.ByteString.copyFrom(entry.state()));
        }
        return Uni.createFrom().item(response.build());
    }

    @Override
    public Uni<DeleteJourneyStateResponse> deleteJourneyState(DeleteJourneyStateRequest request) {
        boolean deleted = journeys.remove(request.getJourneyId()) != null;
        return Uni.createFrom().item(DeleteJourneyStateResponse.newBuilder().setDeleted(deleted).build());
    }

    @Override
    public Uni<Session> createSession(CreateSessionRequest request) {
        if (request.getRealm().isBlank() || request.getSubject().isBlank()) {
            return invalid("realm and subject are required");
        }
        if (request.getTtlSeconds() <= 0) {
            return invalid("ttl_seconds must be positive");
        }
        for (NodeResult result : request.getNodeResultsList()) {
            if (invalidResult(result)) {
                return invalid("node_results need node_id, outcome and expires_at after remembered_at");
            }
        }
        long now = now();
        long authTime = request.getAuthTime() > 0 ? request.getAuthTime() : now;
        // session-store counts from "now"; the fake counts from auth_time (the caller sends "now") so that
        // expires_at - auth_time is exactly the ttl in tests.
        long expiresAt = authTime + request.getTtlSeconds();
        Session.Builder session = Session.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setRealm(request.getRealm())
                .setSubject(request.getSubject())
                .setAuthTime(authTime)
                .setAcr(request.getAcr())
                .addAllAmr(request.getAmrList())
                .setExpiresAt(expiresAt)
                .putAllProperties(request.getPropertiesMap());
        // A result never outlives its session; one already expired is not kept.
        request.getNodeResultsList().stream().filter(result -> result.getExpiresAt() > now).forEach(result ->
                session.addNodeResults(result.toBuilder().setExpiresAt(Math.min(result.getExpiresAt(), expiresAt)).build()));
        if (!request.getReplacesSessionId().isBlank()) {
            end(request.getRealm(), request.getReplacesSessionId(), REASON_REPLACED);
        }
        Session created = session.build();
        sessions.put(created.getId(), created);
        return Uni.createFrom().item(visible(created, now));
    }

    @Override
    public Uni<GetSessionResponse> getSession(GetSessionRequest request) {
        long now = now();
        Optional<Session> session = live(request.getRealm(), request.getId(), now);
        GetSessionResponse.Builder response = GetSessionResponse.newBuilder().setFound(session.isPresent());
        session.ifPresent(s -> response.setSession(visible(s, now)));
        return Uni.createFrom().item(response.build());
    }

    @Override
    public Uni<EndSessionResponse> endSession(EndSessionRequest request) {
        String reason = request.getReason().isBlank() ? REASON_LOGOUT : request.getReason();
        if (!List.of(REASON_LOGOUT, "admin", REASON_REPLACED).contains(reason)) {
            return invalid("reason must be logout, admin or replaced");
        }
        return Uni.createFrom().item(EndSessionResponse.newBuilder()
                .setEnded(end(request.getRealm(), request.getId(), reason)).build());
    }

    @Override
    public Uni<ListSessionsResponse> listSessions(ListSessionsRequest request) {
        if (request.getRealm().isBlank() || request.getSubject().isBlank()) {
            return invalid("realm and subject are required");
        }
        long now = now();
        List<Session> found = sessions.values().stream()
                .filter(s -> s.getRealm().equals(request.getRealm()) && s.getSubject().equals(request.getSubject()))
                .filter(s -> s.getExpiresAt() > now)
                .sorted(Comparator.comparingLong(Session::getAuthTime))
                .map(s -> visible(s, now))
                .toList();
        return Uni.createFrom().item(ListSessionsResponse.newBuilder().addAllSessions(found).build());
    }

    @Override
    public Uni<SealNodeResultResponse> sealNodeResult(SealNodeResultRequest request) {
        NodeResult result = request.getResult();
        if (request.getRealm().isBlank()) {
            return invalid("realm is required");
        }
        long now = now();
        if (!request.hasResult() || invalidResult(result) || result.getExpiresAt() <= now) {
            return invalid("result needs node_id, outcome and an expires_at in the future, after remembered_at");
        }
        NodeResult capped = result.toBuilder().setExpiresAt(Math.min(result.getExpiresAt(), now + MAX_RESULT_TTL))
                .build();
        String body = B64.encodeToString(request.getRealm().getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(capped.toByteArray());
        String sealed = SEAL_PREFIX + "." + body + "." + B64.encodeToString(mac(body));
        if (sealed.length() > MAX_SEALED_LENGTH) {
            return invalid("node result is too large to seal");
        }
        return Uni.createFrom().item(SealNodeResultResponse.newBuilder().setSealed(sealed).build());
    }

    @Override
    public Uni<UnsealNodeResultResponse> unsealNodeResult(UnsealNodeResultRequest request) {
        if (request.getRealm().isBlank()) {
            return invalid("realm is required");
        }
        if (request.getSealed().length() > MAX_SEALED_LENGTH) {
            return invalid("sealed is too long");
        }
        return Uni.createFrom().item(open(request.getRealm(), request.getSealed())
                .map(result -> UnsealNodeResultResponse.newBuilder().setValid(true).setResult(result).build())
                .orElseGet(() -> UnsealNodeResultResponse.newBuilder().setValid(false).build()));
    }

    private Optional<NodeResult> open(String realm, String sealed) {
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 4 || !SEAL_PREFIX.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            String body = parts[1] + "." + parts[2];
            if (!MessageDigest.isEqual(mac(body), B64D.decode(parts[3]))) {
                return Optional.empty();
            }
            if (!realm.equals(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            NodeResult result = NodeResult.parseFrom(B64D.decode(parts[2]));
            long now = now();
            if (result.getExpiresAt() <= now) {
                return Optional.empty();
            }
            Long marker = forgetBefore.get(key(realm, result.getSubject()));
            if (marker != null && result.getRememberedAt() <= marker) {
                return Optional.empty();
            }
            return Optional.of(result);
        } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
            return Optional.empty();
        }
    }

    private static boolean invalidResult(NodeResult result) {
        return result.getNodeId().isBlank() || result.getOutcome().isBlank()
                || result.getExpiresAt() <= result.getRememberedAt();
    }

    private boolean end(String realm, String id, String reason) {
        Optional<Session> live = live(realm, id, now());
        if (live.isEmpty() || sessions.remove(id) == null) {
            return false;
        }
        Session session = live.get();
        if (!REASON_REPLACED.equals(reason)) {
            forgetBefore.put(key(realm, session.getSubject()), now());
        }
        ended.add(new EndedSession(realm, id, session.getSubject(), reason));
        return true;
    }

    private Optional<Session> live(String realm, String id, long now) {
        return Optional.ofNullable(sessions.get(id))
                .filter(s -> s.getRealm().equals(realm))
                .filter(s -> s.getExpiresAt() > now);
    }

    /** The session as the peer returns it: only node results still valid. */
    private static Session visible(Session session, long now) {
        List<NodeResult> valid = session.getNodeResultsList().stream()
                .filter(r -> r.getExpiresAt() > now)
                .toList();
        return session.toBuilder().clearNodeResults().addAllNodeResults(valid).build();
    }

    private static byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SEAL_KEY, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String realm, String subject) {
        return realm + "\u0000" + subject;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static <T> Uni<T> invalid(String message) {
        return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException());
    }

    public List<byte[]> writes() {
        return List.copyOf(writes);
    }

    public int journeyCount() {
        return journeys.size();
    }

    /** The session as stored (all node results, also expired ones), while it is not ended. */
    public Optional<Session> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** Every session ended so far (EndSession or replaced), oldest first. */
    public List<EndedSession> ended() {
        return List.copyOf(ended);
    }

    /** The (realm, subject) forget-before marker in epoch seconds, set by any end but "replaced". */
    public Optional<Long> forgetBefore(String realm, String subject) {
        return Optional.ofNullable(forgetBefore.get(key(realm, subject)));
    }

    /** Simulates a logout on another device: results remembered up to now no longer unseal. */
    public void forgetNow(String realm, String subject) {
        forgetBefore.put(key(realm, subject), now());
    }
}
