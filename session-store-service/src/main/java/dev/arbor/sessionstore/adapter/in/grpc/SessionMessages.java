package dev.arbor.sessionstore.adapter.in.grpc;

import dev.arbor.contracts.session.SessionIds;
import dev.arbor.contracts.sessionstore.v1.CreateSessionRequest;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.sessionstore.domain.session.NewSession;
import dev.arbor.sessionstore.domain.session.NodeResult;
import dev.arbor.sessionstore.domain.session.SsoSession;
import java.time.Instant;

/** Maps between the {@code arbor.sessionstore.v1} messages and the domain's session records. */
final class SessionMessages {
    private SessionMessages() {
    }

    static NewSession toNewSession(CreateSessionRequest request) {
        Instant authTime = request.getAuthTime() > 0 ? Instant.ofEpochSecond(request.getAuthTime()) : null;
        return new NewSession(request.getRealm(), request.getSubject(), authTime, request.getAcr(),
                request.getAmrList(), request.getTtlSeconds(),
                request.getNodeResultsList().stream().map(SessionMessages::toResult).toList(),
                request.getPropertiesMap(), request.getReplacesSessionId());
    }

    static Session toMessage(SsoSession session) {
        return Session.newBuilder()
                .setId(session.id())
                .setSid(SessionIds.sid(session.id()))
                .setRealm(session.realm())
                .setSubject(session.subject())
                .setAuthTime(session.authTime().getEpochSecond())
                .setAcr(session.acr())
                .addAllAmr(session.amr())
                .setExpiresAt(session.expiresAt().getEpochSecond())
                .addAllNodeResults(session.nodeResults().stream().map(SessionMessages::toMessage).toList())
                .putAllProperties(session.properties())
                .build();
    }

    static NodeResult toResult(dev.arbor.contracts.sessionstore.v1.NodeResult message) {
        return new NodeResult(message.getTree(), message.getNodeId(), message.getOutcome(), message.getSharedMap(),
                message.getSubject(), Instant.ofEpochSecond(message.getRememberedAt()),
                Instant.ofEpochSecond(message.getExpiresAt()));
    }

    static dev.arbor.contracts.sessionstore.v1.NodeResult toMessage(NodeResult result) {
        return dev.arbor.contracts.sessionstore.v1.NodeResult.newBuilder()
                .setTree(result.tree())
                .setNodeId(result.nodeId())
                .setOutcome(result.outcome())
                .putAllShared(result.shared())
                .setSubject(result.subject())
                .setRememberedAt(result.rememberedAt().getEpochSecond())
                .setExpiresAt(result.expiresAt().getEpochSecond())
                .build();
    }
}
