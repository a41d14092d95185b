package dev.arbor.authtree.adapter.out.grpc;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.port.SessionGateway;
import dev.arbor.contracts.sessionstore.v1.CreateSessionRequest;
import dev.arbor.contracts.sessionstore.v1.SessionStoreGrpc;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** SSO sessions through session-store {@code CreateSession}. */
@ApplicationScoped
public class SessionStoreSessionGateway implements SessionGateway {
    private final SessionStoreGrpc.SessionStoreBlockingStub stub;
    private final Duration timeout;

    public SessionStoreSessionGateway(@GrpcClient("session-store") SessionStoreGrpc.SessionStoreBlockingStub stub,
            ArborConfig config) {
        this.stub = stub;
        this.timeout = config.authtree().peerTimeout();
    }

    @Override
    public String createSession(String realm, String subject, Instant authTime, String acr, List<String> amr,
            Duration ttl) {
        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .createSession(CreateSessionRequest.newBuilder()
                        .setRealm(realm)
                        .setSubject(subject)
                        .setAuthTime(authTime.getEpochSecond())
                        .setAcr(acr)
                        .addAllAmr(amr)
                        .setTtlSeconds(ttl.toSeconds())
                        .build())
                .getId();
    }
}
