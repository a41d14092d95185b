package dev.arbor.token.adapter.in.grpc;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.GetJwksResponse;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeResponse;
import dev.arbor.contracts.token.v1.IssueClientCredentialsTokenRequest;
import dev.arbor.contracts.token.v1.IssueLogoutTokenRequest;
import dev.arbor.contracts.token.v1.IssueLogoutTokenResponse;
import dev.arbor.contracts.token.v1.ListRevocationsRequest;
import dev.arbor.contracts.token.v1.ListRevocationsResponse;
import dev.arbor.contracts.token.v1.RedeemAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.RefreshTokensRequest;
import dev.arbor.contracts.token.v1.RevokeRefreshTokenRequest;
import dev.arbor.contracts.token.v1.RevokeTokenRequest;
import dev.arbor.contracts.token.v1.RevokeTokenResponse;
import dev.arbor.contracts.token.v1.TokenResult;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.token.domain.code.AuthorizationCodeService;
import dev.arbor.token.domain.key.SigningAlgorithm;
import dev.arbor.token.domain.key.SigningKeyService;
import dev.arbor.token.domain.logout.LogoutTokenIssuer;
import dev.arbor.token.domain.logout.LogoutTokenRequest;
import dev.arbor.token.domain.refresh.RefreshTokenService;
import dev.arbor.token.domain.revocation.RevocationService;
import dev.arbor.token.domain.token.ClientCredentialsGrant;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The {@code arbor.token.v1.TokenService} gRPC endpoint: maps messages and delegates to the domain.
 * OAuth errors travel in {@link TokenResult#getError()}; a gRPC status means the call itself failed.
 */
@GrpcService
public class TokenGrpcService implements TokenService {

    private final AuthorizationCodeService codes;
    private final ClientCredentialsGrant clientCredentials;
    private final SigningKeyService signingKeys;
    private final RevocationService revocations;
    private final RefreshTokenService refreshTokens;
    private final LogoutTokenIssuer logoutTokens;

    public TokenGrpcService(AuthorizationCodeService codes, ClientCredentialsGrant clientCredentials,
            SigningKeyService signingKeys, RevocationService revocations, RefreshTokenService refreshTokens,
            LogoutTokenIssuer logoutTokens) {
        this.codes = codes;
        this.clientCredentials = clientCredentials;
        this.signingKeys = signingKeys;
        this.revocations = revocations;
        this.refreshTokens = refreshTokens;
        this.logoutTokens = logoutTokens;
    }

    @Override
    public Uni<IssueAuthorizationCodeResponse> issueAuthorizationCode(IssueAuthorizationCodeRequest request) {
        return call("IssueAuthorizationCode", () -> codes.issue(TokenGrpcMapper.toBinding(request)))
                .map(TokenGrpcMapper::toResponse);
    }

    @Override
    public Uni<TokenResult> redeemAuthorizationCode(RedeemAuthorizationCodeRequest request) {
        return call("RedeemAuthorizationCode", () -> codes.redeem(TokenGrpcMapper.toRedemption(request)))
                .map(TokenGrpcMapper::toResult);
    }

    @Override
    public Uni<TokenResult> issueClientCredentialsToken(IssueClientCredentialsTokenRequest request) {
        return call("IssueClientCredentialsToken", () -> clientCredentials.issue(request.getRealm(),
                request.getIssuer(), request.getClientId(), request.getScopesList(),
                request.getAccessTokenLifetimeSeconds(), TokenGrpcMapper.signingAlg(request.getPolicy())))
                .map(TokenGrpcMapper::toResult);
    }

    @Override
    public Uni<GetJwksResponse> getJwks(GetJwksRequest request) {
        return call("GetJwks", () -> {
            if (request.getRealm().isBlank()) {
                throw new IllegalArgumentException("realm is required");
            }
            return signingKeys.jwks(request.getRealm());
        }).map(json -> GetJwksResponse.newBuilder().setJwksJson(json).build());
    }

    @Override
    public Uni<RevokeTokenResponse> revokeToken(RevokeTokenRequest request) {
        return call("RevokeToken", () -> revocations.revoke(TokenGrpcMapper.toRevocation(request)))
                .map(revoked -> RevokeTokenResponse.newBuilder().setRevoked(revoked).build());
    }

    @Override
    public Uni<ListRevocationsResponse> listRevocations(ListRevocationsRequest request) {
        return call("ListRevocations", () -> revocations.current(request.getRealm()))
                .map(TokenGrpcMapper::toResponse);
    }

    /** Runs a domain call; a synchronous validation failure becomes a failed Uni like any other. */
    private static <T> Uni<T> call(String rpc, Supplier<CompletionStage<T>> domainCall) {
        return Uni.createFrom().<T>deferred(() -> Uni.createFrom().completionStage(domainCall.get()))
                .onFailure().transform(failure -> GrpcFailures.toStatus(failure, rpc));
    }

    @Override
    public Uni<TokenResult> refreshTokens(RefreshTokensRequest request) {
        return call("RefreshTokens", () -> refreshTokens.refresh(TokenGrpcMapper.toRefresh(request)))
                .map(TokenGrpcMapper::toResult);
    }

    @Override
    public Uni<RevokeTokenResponse> revokeRefreshToken(RevokeRefreshTokenRequest request) {
        return call("RevokeRefreshToken", () -> {
            if (request.getRealm().isBlank() || request.getClientId().isBlank()) {
                throw new IllegalArgumentException("realm and client_id are required");
            }
            return refreshTokens.revoke(request.getRealm(), request.getClientId(), request.getRefreshToken());
        }).map(revoked -> RevokeTokenResponse.newBuilder().setRevoked(revoked).build());
    }

    /** Back-Channel Logout 1.0 §2.4: a logout token for one RP, signed with its ID-token algorithm. */
    @Override
    public Uni<IssueLogoutTokenResponse> issueLogoutToken(IssueLogoutTokenRequest request) {
        return call("IssueLogoutToken", () -> logoutTokens.issue(new LogoutTokenRequest(request.getRealm(),
                request.getClientId(), request.getSubject(), request.getSid(),
                SigningAlgorithm.ofRequest(request.getSigningAlg()))))
                .map(token -> IssueLogoutTokenResponse.newBuilder().setLogoutToken(token).build());
    }
}
