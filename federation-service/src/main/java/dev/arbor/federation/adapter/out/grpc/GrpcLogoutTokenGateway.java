package dev.arbor.federation.adapter.out.grpc;

import dev.arbor.contracts.token.v1.IssueLogoutTokenRequest;
import dev.arbor.contracts.token.v1.IssueLogoutTokenResponse;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.federation.port.LogoutTokenGateway;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** {@link LogoutTokenGateway} over gRPC to token-service ({@code IssueLogoutToken}, client {@code token}). */
@ApplicationScoped
public class GrpcLogoutTokenGateway implements LogoutTokenGateway {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final TokenService token;

    public GrpcLogoutTokenGateway(@GrpcClient("token") TokenService token) {
        this.token = token;
    }

    @Override
    public Uni<String> issue(String realm, String clientId, String subject, String sessionId, String signingAlg) {
        return token.issueLogoutToken(IssueLogoutTokenRequest.newBuilder().setRealm(realm).setClientId(clientId)
                        .setSubject(subject == null ? "" : subject).setSid(sessionId == null ? "" : sessionId)
                        .setSigningAlg(signingAlg == null ? "" : signingAlg).build())
                .ifNoItem().after(DEADLINE).fail()
                .map(IssueLogoutTokenResponse::getLogoutToken);
    }
}
