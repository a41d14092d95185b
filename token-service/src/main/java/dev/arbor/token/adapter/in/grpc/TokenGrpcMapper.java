package dev.arbor.token.adapter.in.grpc;

import dev.arbor.contracts.token.v1.Authentication;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeResponse;
import dev.arbor.contracts.token.v1.ListRevocationsResponse;
import dev.arbor.contracts.token.v1.OAuthError;
import dev.arbor.contracts.token.v1.RedeemAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.RefreshTokensRequest;
import dev.arbor.contracts.token.v1.RevokeTokenRequest;
import dev.arbor.contracts.token.v1.TokenPolicy;
import dev.arbor.contracts.token.v1.TokenResult;
import dev.arbor.contracts.token.v1.Tokens;
import dev.arbor.token.domain.code.AuthorizationCodeBinding;
import dev.arbor.token.domain.code.IssuedCode;
import dev.arbor.token.domain.code.RedemptionRequest;
import dev.arbor.token.domain.key.SigningAlgorithm;
import dev.arbor.token.domain.refresh.RefreshPolicy;
import dev.arbor.token.domain.refresh.RefreshRequest;
import dev.arbor.token.domain.revocation.Revocation;
import dev.arbor.token.domain.token.EndUser;
import java.time.Instant;
import java.util.List;

/** Maps between the {@code arbor.token.v1} messages and the domain values. */
final class TokenGrpcMapper {

    private TokenGrpcMapper() {
    }

    static AuthorizationCodeBinding toBinding(IssueAuthorizationCodeRequest request) {
        if (!request.hasAuthentication()) {
            throw new IllegalArgumentException("authentication is required");
        }
        return new AuthorizationCodeBinding(request.getRealm(), request.getIssuer(), request.getClientId(),
                request.getRedirectUri(), request.getScopesList(), request.getCodeChallenge(),
                request.getCodeChallengeMethod(), request.getNonce(), toEndUser(request.getAuthentication()),
                request.getAccessTokenLifetimeSeconds(), signingAlg(request.getPolicy()), refreshPolicy(request.getPolicy()));
    }

    /** The refresh part of the client's policy (0 lifetimes: the configured defaults). */
    static RefreshPolicy refreshPolicy(TokenPolicy policy) {
        return new RefreshPolicy(policy.getRefreshTokens(), policy.getRefreshIdleLifetimeSeconds(),
                policy.getRefreshAbsoluteLifetimeSeconds());
    }

    static RefreshRequest toRefresh(RefreshTokensRequest r) {
        return new RefreshRequest(r.getRealm(), r.getIssuer(), r.getClientId(), r.getRefreshToken(), r.getScopesList(),
                r.getAccessTokenLifetimeSeconds(), refreshPolicy(r.getPolicy()), signingAlg(r.getPolicy()));
    }

    /** The policy's JWS alg; empty is the default (federation already resolved the realm default). */
    static SigningAlgorithm signingAlg(TokenPolicy policy) {
        return SigningAlgorithm.ofRequest(policy.getSigningAlg());
    }

    static EndUser toEndUser(Authentication a) {
        return new EndUser(a.getSubject(), a.getSessionId(), a.getAuthTime(), a.getAcr(), a.getAmrList(),
                a.getClaimsMap(), a.getUserinfoClaimsList());
    }

    static IssueAuthorizationCodeResponse toResponse(IssuedCode code) {
        return IssueAuthorizationCodeResponse.newBuilder().setCode(code.code()).setExpiresIn(code.expiresIn()).build();
    }

    static RedemptionRequest toRedemption(RedeemAuthorizationCodeRequest r) {
        return new RedemptionRequest(r.getRealm(), r.getCode(), r.getClientId(), r.getRedirectUri(),
                r.getCodeVerifier());
    }

    static TokenResult toResult(dev.arbor.token.domain.TokenResult result) {
        return switch (result) {
            case dev.arbor.token.domain.TokenResult.Issued(var t) -> TokenResult.newBuilder()
                    .setTokens(Tokens.newBuilder()
                            .setAccessToken(t.accessToken())
                            .setTokenType(t.tokenType())
                            .setExpiresIn(t.expiresIn())
                            .setIdToken(t.idToken())
                            .setScope(t.scope())
                            .setRefreshToken(t.refreshToken())
                            .setRefreshExpiresIn(t.refreshExpiresIn()))
                    .build();
            case dev.arbor.token.domain.TokenResult.Rejected(var e) -> TokenResult.newBuilder()
                    .setError(OAuthError.newBuilder().setCode(e.code()).setDescription(e.description()))
                    .build();
        };
    }

    static Revocation toRevocation(RevokeTokenRequest r) {
        if (r.getExpiresAt() <= 0) {
            throw new IllegalArgumentException("expires_at is required");
        }
        return new Revocation(r.getRealm(), r.getJti(), r.getClientId(), Instant.ofEpochSecond(r.getExpiresAt()));
    }

    static ListRevocationsResponse toResponse(List<Revocation> revocations) {
        var response = ListRevocationsResponse.newBuilder();
        revocations.forEach(r -> response.addRevocations(dev.arbor.contracts.token.v1.Revocation.newBuilder()
                .setRealm(r.realm())
                .setJti(r.jti())
                .setClientId(r.clientId())
                .setExpiresAt(r.expiresAt().getEpochSecond())));
        return response.build();
    }
}
