package dev.arbor.federation.support;

import dev.arbor.contracts.sessionstore.v1.GetSessionRequest;
import dev.arbor.contracts.sessionstore.v1.GetSessionResponse;
import dev.arbor.contracts.sessionstore.v1.MutinySessionStoreGrpc;
import dev.arbor.contracts.sessionstore.v1.Session;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of the PEER session-store-service: sessions that tests put in. */
@GrpcService
public class FakeSessionStore extends MutinySessionStoreGrpc.SessionStoreImplBase {
    private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

    /** A live session of alice in {@code realm}, authenticated {@code authenticatedSecondsAgo} ago. */
    public static Session aliceSession(String realm, long authenticatedSecondsAgo) {
        long now = Instant.now().getEpochSecond();
        Session session = Session.newBuilder().setId("sess-" + UUID.randomUUID()).setRealm(realm).setSubject("alice")
                .setAuthTime(now - authenticatedSecondsAgo).setAcr("login").addAmr("pwd")
                .setExpiresAt(now + 3600).build();
        SESSIONS.put(session.getId(), session);
        return session;
    }

    @Override
    public Uni<GetSessionResponse> getSession(GetSessionRequest request) {
        Session session = SESSIONS.get(request.getId());
        if (session == null || !session.getRealm().equals(request.getRealm())) {
            return Uni.createFrom().item(GetSessionResponse.newBuilder().setFound(false).build());
        }
        return Uni.createFrom().item(GetSessionResponse.newBuilder().setFound(true).setSession(session).build());
    }
}
