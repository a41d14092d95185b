package dev.arbor.sessionstore.adapter.in.grpc;

import dev.arbor.contracts.sessionstore.v1.CreateSessionRequest;
import dev.arbor.contracts.sessionstore.v1.Session;
import dev.arbor.sessionstore.domain.session.NewSession;
import dev.arbor.sessionstore.domain.session.SsoSession;
import java.time.Instant;

/** Maps between the {@code arbor.sessionstore.v1} messages and the domain's session records. */
final class SessionMessages {
    private SessionMessages() {
    }

    static NewSession toNewSession(CreateSessionRequest request) {
        Instant authTime = request.getAuthTime() > 0 ? Instant.ofEpochSecond(request.getAuthTime()) : null;
        return new NewSession(request.getRealm(), request.getSubject(), authTime, request.getAcr(),
                request.getAmrList(), request.getTtlSeconds());
    }

    static Session toMessage(SsoSession session) {
        return Session.newBuilder()
                .setId(session.id())
                .setRealm(session.realm())
                .setSubject(session.subject())
                .setAuthTime(session.authTime().getEpochSecond())
                .setAcr(session.acr())
                .addAllAmr(session.amr())
                .setExpiresAt(session.expiresAt().getEpochSecond())
                .build();
    }
}
