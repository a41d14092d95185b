package dev.arbor.federation.adapter.out.grpc;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.GetJwksResponse;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeResponse;
import dev.arbor.contracts.token.v1.IssueClientCredentialsTokenRequest;
import dev.arbor.contracts.token.v1.RedeemAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.RefreshTokensRequest;
import dev.arbor.contracts.token.v1.TokenResult;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.federation.port.TokenGateway;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** {@link TokenGateway} over gRPC to token-service (client {@code token}). */
@ApplicationScoped
public class GrpcTokenGateway implements TokenGateway {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final TokenService token;

    public GrpcTokenGateway(@GrpcClient("token") TokenService token) {
        this.token = token;
    }

    @Override
    public Uni<IssueAuthorizationCodeResponse> issueAuthorizationCode(IssueAuthorizationCodeRequest request) {
        return token.issueAuthorizationCode(request).ifNoItem().after(DEADLINE).fail();
    }

    @Override
    public Uni<TokenResult> redeemAuthorizationCode(RedeemAuthorizationCodeRequest request) {
        return token.redeemAuthorizationCode(request).ifNoItem().after(DEADLINE).fail();
    }

    @Override
    public Uni<TokenResult> issueClientCredentialsToken(IssueClientCredentialsTokenRequest request) {
        return token.issueClientCredentialsToken(request).ifNoItem().after(DEADLINE).fail();
    }

    @Override
    public Uni<TokenResult> refreshTokens(RefreshTokensRequest request) {
        return token.refreshTokens(request).ifNoItem().after(DEADLINE).fail();
    }

    @Override
    public Uni<String> jwks(String realm) {
        return token.getJwks(GetJwksRequest.newBuilder().setRealm(realm).build())
                .ifNoItem().after(DEADLINE).fail()
                .map(GetJwksResponse::getJwksJson);
    }
}
