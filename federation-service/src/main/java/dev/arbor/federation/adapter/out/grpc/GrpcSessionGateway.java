package dev.arbor.federation.adapter.out.grpc;

import dev.arbor.contracts.sessionstore.v1.EndSessionRequest;
import dev.arbor.contracts.sessionstore.v1.EndSessionResponse;
import dev.arbor.contracts.sessionstore.v1.GetSessionRequest;
import dev.arbor.contracts.sessionstore.v1.ListSessionsRequest;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.contracts.sessionstore.v1.SessionStore;
import dev.arbor.federation.domain.SsoSession;
import dev.arbor.federation.port.SessionGateway;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link SessionGateway} over gRPC to session-store-service (client {@code session-store}). */
@ApplicationScoped
public class GrpcSessionGateway implements SessionGateway {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final SessionStore sessions;

    public GrpcSessionGateway(@GrpcClient("session-store") SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<Optional<SsoSession>> find(String realm, String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return sessions.getSession(GetSessionRequest.newBuilder().setRealm(realm).setId(sessionId).build())
                .ifNoItem().after(DEADLINE).fail()
                .map(r -> r.getFound() && r.getSession().getRealm().equals(realm)
                        ? Optional.of(toDomain(r.getSession()))
                        : Optional.<SsoSession>empty());
    }

    @Override
    public Uni<Boolean> end(String realm, String sessionId, String reason) {
        return sessions.endSession(EndSessionRequest.newBuilder().setRealm(realm).setId(sessionId).setReason(reason)
                        .build())
                .ifNoItem().after(DEADLINE).fail()
                .map(EndSessionResponse::getEnded);
    }

    @Override
    public Uni<List<SsoSession>> sessionsOf(String realm, String subject) {
        return sessions.listSessions(ListSessionsRequest.newBuilder().setRealm(realm).setSubject(subject).build())
                .ifNoItem().after(DEADLINE).fail()
                .map(r -> r.getSessionsList().stream().filter(s -> s.getRealm().equals(realm))
                        .map(GrpcSessionGateway::toDomain).toList());
    }

    private static SsoSession toDomain(Session s) {
        return new SsoSession(s.getId(), s.getSid(), s.getRealm(), s.getSubject(), s.getAuthTime(), s.getAcr(),
                s.getAmrList(), s.getExpiresAt());
    }
}
