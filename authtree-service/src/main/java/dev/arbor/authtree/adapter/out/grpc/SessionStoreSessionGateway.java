package dev.arbor.authtree.adapter.out.grpc;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.memory.RememberedResult;
import dev.arbor.authtree.domain.session.NewSession;
import dev.arbor.authtree.domain.session.SsoSession;
import dev.arbor.authtree.port.NodeResultSealer;
import dev.arbor.authtree.port.SessionGateway;
import dev.arbor.contracts.sessionstore.v1.CreateSessionRequest;
import dev.arbor.contracts.sessionstore.v1.EndSessionRequest;
import dev.arbor.contracts.sessionstore.v1.GetSessionRequest;
import dev.arbor.contracts.sessionstore.v1.GetSessionResponse;
import dev.arbor.contracts.sessionstore.v1.ListSessionsRequest;
import dev.arbor.contracts.sessionstore.v1.NodeResult;
import dev.arbor.contracts.sessionstore.v1.SealNodeResultRequest;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.contracts.sessionstore.v1.SessionStoreGrpc;
import dev.arbor.contracts.sessionstore.v1.UnsealNodeResultRequest;
import dev.arbor.contracts.sessionstore.v1.UnsealNodeResultResponse;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** SSO sessions and sealed node results through session-store's gRPC API. */
@ApplicationScoped
public class SessionStoreSessionGateway implements SessionGateway, NodeResultSealer {
    private final SessionStoreGrpc.SessionStoreBlockingStub stub;
    private final Duration timeout;

    public SessionStoreSessionGateway(@GrpcClient("session-store") SessionStoreGrpc.SessionStoreBlockingStub stub,
            ArborConfig config) {
        this.stub = stub;
        this.timeout = config.authtree().peerTimeout();
    }

    @Override
    public String createSession(NewSession session) {
        CreateSessionRequest.Builder request = CreateSessionRequest.newBuilder()
                .setRealm(session.realm())
                .setSubject(session.subject())
                .setAuthTime(session.authTime().getEpochSecond())
                .setAcr(session.acr())
                .addAllAmr(session.amr())
                .setTtlSeconds(session.ttl().toSeconds())
                .putAllProperties(session.properties());
        session.nodeResults().forEach(r -> request.addNodeResults(toMessage(r)));
        if (session.replacesSessionId() != null) {
            request.setReplacesSessionId(session.replacesSessionId());
        }
        return stub().createSession(request.build()).getId();
    }

    @Override
    public Optional<SsoSession> findSession(String realm, String sessionId) {
        GetSessionResponse response = stub().getSession(GetSessionRequest.newBuilder()
                .setRealm(realm).setId(sessionId).build());
        return response.getFound() ? Optional.of(toSession(response.getSession())) : Optional.empty();
    }

    @Override
    public List<SsoSession> listSessions(String realm, String subject) {
        return stub().listSessions(ListSessionsRequest.newBuilder().setRealm(realm).setSubject(subject).build())
                .getSessionsList().stream()
                .map(SessionStoreSessionGateway::toSession)
                .toList();
    }

    @Override
    public boolean endSession(String realm, String sessionId, String reason) {
        return stub().endSession(EndSessionRequest.newBuilder()
                .setRealm(realm).setId(sessionId).setReason(reason).build()).getEnded();
    }

    @Override
    public String seal(String realm, RememberedResult result) {
        return stub().sealNodeResult(SealNodeResultRequest.newBuilder()
                .setRealm(realm).setResult(toMessage(result)).build()).getSealed();
    }

    @Override
    public Optional<RememberedResult> unseal(String realm, String sealed) {
        UnsealNodeResultResponse response = stub().unsealNodeResult(UnsealNodeResultRequest.newBuilder()
                .setRealm(realm).setSealed(sealed).build());
        return response.getValid() ? Optional.of(toResult(response.getResult())) : Optional.empty();
    }

    private SessionStoreGrpc.SessionStoreBlockingStub stub() {
        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static NodeResult toMessage(RememberedResult result) {
        return NodeResult.newBuilder()
                .setTree(result.tree())
                .setNodeId(result.nodeId())
                .setOutcome(result.outcome())
                .putAllShared(result.shared())
                .setSubject(result.subject() == null ? "" : result.subject())
                .setRememberedAt(result.rememberedAt().getEpochSecond())
                .setExpiresAt(result.expiresAt().getEpochSecond())
                .build();
    }

    private static RememberedResult toResult(NodeResult message) {
        return new RememberedResult(message.getTree(), message.getNodeId(), message.getOutcome(),
                message.getSharedMap(), message.getSubject().isEmpty() ? null : message.getSubject(),
                Instant.ofEpochSecond(message.getRememberedAt()), Instant.ofEpochSecond(message.getExpiresAt()));
    }

    private static SsoSession toSession(Session session) {
        return new SsoSession(session.getId(), session.getRealm(), session.getSubject(),
                Instant.ofEpochSecond(session.getAuthTime()), session.getAcr(), session.getAmrList(),
                Instant.ofEpochSecond(session.getExpiresAt()),
                session.getNodeResultsList().stream().map(SessionStoreSessionGateway::toResult).toList(),
                session.getPropertiesMap());
    }
}
