package dev.arbor.federation.support;

import dev.arbor.contracts.session.SessionIds;
import dev.arbor.contracts.sessionstore.v1.EndSessionRequest;
import dev.arbor.contracts.sessionstore.v1.EndSessionResponse;
import dev.arbor.contracts.sessionstore.v1.GetSessionRequest;
import dev.arbor.contracts.sessionstore.v1.GetSessionResponse;
import dev.arbor.contracts.sessionstore.v1.ListSessionsRequest;
import dev.arbor.contracts.sessionstore.v1.ListSessionsResponse;
import dev.arbor.contracts.sessionstore.v1.MutinySessionStoreGrpc;
import dev.arbor.contracts.sessionstore.v1.Session;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake of the PEER session-store-service: sessions that tests put in. */
@GrpcService
public class FakeSessionStore extends MutinySessionStoreGrpc.SessionStoreImplBase {
    private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

    /** A live session of alice in {@code realm}, authenticated {@code authenticatedSecondsAgo} ago. */
    public static Session aliceSession(String realm, long authenticatedSecondsAgo) {
        long now = Instant.now().getEpochSecond();
        String id = "sess-" + UUID.randomUUID();
        Session session = Session.newBuilder().setId(id).setSid(SessionIds.sid(id)).setRealm(realm).setSubject("alice")
                .setAuthTime(now - authenticatedSecondsAgo).setAcr("login").addAmr("pwd")
                .setExpiresAt(now + 3600).build();
        SESSIONS.put(session.getId(), session);
        return session;
    }

    /** The EndSession calls received, in order (logout tests). */
    public static final List<EndSessionRequest> ENDED = new CopyOnWriteArrayList<>();

    /** A live session of {@code subject} in {@code realm}, expiring in an hour. */
    public static Session sessionOf(String realm, String subject) {
        long now = Instant.now().getEpochSecond();
        String id = "sess-" + UUID.randomUUID();
        Session session = Session.newBuilder().setId(id).setSid(SessionIds.sid(id)).setRealm(realm).setSubject(subject)
                .setAuthTime(now - 10).setAcr("login").addAmr("pwd").setExpiresAt(now + 3600).build();
        SESSIONS.put(session.getId(), session);
        return session;
    }

    public static boolean isLive(String sessionId) {
        return SESSIONS.containsKey(sessionId);
    }

    /** Ends the session like session-store (without publishing session.ended: tests publish it themselves). */
    @Override
    public Uni<EndSessionResponse> endSession(EndSessionRequest request) {
        ENDED.add(request);
        Session session = SESSIONS.get(request.getId());
        boolean ended = session != null && session.getRealm().equals(request.getRealm())
                && SESSIONS.remove(request.getId()) != null;
        return Uni.createFrom().item(EndSessionResponse.newBuilder().setEnded(ended).build());
    }

    @Override
    public Uni<GetSessionResponse> getSession(GetSessionRequest request) {
        Session session = SESSIONS.get(request.getId());
        if (session == null || !session.getRealm().equals(request.getRealm())) {
            return Uni.createFrom().item(GetSessionResponse.newBuilder().setFound(false).build());
        }
        return Uni.createFrom().item(GetSessionResponse.newBuilder().setFound(true).setSession(session).build());
    }

    @Override
    public Uni<ListSessionsResponse> listSessions(ListSessionsRequest request) {
        return Uni.createFrom().item(ListSessionsResponse.newBuilder().addAllSessions(SESSIONS.values().stream()
                .filter(s -> s.getRealm().equals(request.getRealm()) && s.getSubject().equals(request.getSubject()))
                .toList()).build());
    }
}
