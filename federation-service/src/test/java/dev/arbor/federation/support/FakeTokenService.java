package dev.arbor.federation.support;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.GetJwksResponse;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeResponse;
import dev.arbor.contracts.token.v1.IssueClientCredentialsTokenRequest;
import dev.arbor.contracts.token.v1.ListRevocationsRequest;
import dev.arbor.contracts.token.v1.ListRevocationsResponse;
import dev.arbor.contracts.token.v1.MutinyTokenServiceGrpc;
import dev.arbor.contracts.token.v1.OAuthError;
import dev.arbor.contracts.token.v1.RedeemAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.Revocation;
import dev.arbor.contracts.token.v1.RevokeTokenRequest;
import dev.arbor.contracts.token.v1.RevokeTokenResponse;
import dev.arbor.contracts.token.v1.TokenResult;
import dev.arbor.contracts.token.v1.Tokens;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake of the PEER token-service on this service's test server: keeps issued codes in memory,
 * redeems each once, and signs real RS256 access tokens with {@link TestKeys#SIGNING}. It records the
 * RevokeToken calls it gets and lists one revocation in force, {@link #BOOTSTRAP_JTI}, to every replica
 * that starts.
 */
@GrpcService
public class FakeTokenService extends MutinyTokenServiceGrpc.TokenServiceImplBase {
    public static final AtomicReference<IssueAuthorizationCodeRequest> LAST_CODE_REQUEST = new AtomicReference<>();
    public static final AtomicInteger JWKS_CALLS = new AtomicInteger();
    private static final Map<String, IssueAuthorizationCodeRequest> CODES = new ConcurrentHashMap<>();
    /** The jti of a token revoked before this replica started: known only through ListRevocations. */
    public static final String BOOTSTRAP_JTI = "revoked-before-start-" + UUID.randomUUID();
    public static final List<RevokeTokenRequest> REVOKED = new CopyOnWriteArrayList<>();

    @Override
    public Uni<IssueAuthorizationCodeResponse> issueAuthorizationCode(IssueAuthorizationCodeRequest request) {
        String code = "code-" + UUID.randomUUID();
        CODES.put(code, request);
        LAST_CODE_REQUEST.set(request);
        return Uni.createFrom().item(IssueAuthorizationCodeResponse.newBuilder().setCode(code).setExpiresIn(60).build());
    }

    @Override
    public Uni<TokenResult> redeemAuthorizationCode(RedeemAuthorizationCodeRequest request) {
        IssueAuthorizationCodeRequest issued = CODES.remove(request.getCode());
        if (issued == null || !issued.getClientId().equals(request.getClientId())
                || !issued.getRedirectUri().equals(request.getRedirectUri())) {
            return Uni.createFrom().item(TokenResult.newBuilder().setError(OAuthError.newBuilder()
                    .setCode("invalid_grant").setDescription("the code is invalid or was already used")).build());
        }
        String scope = String.join(" ", issued.getScopesList());
        String access = TestTokens.accessToken().issuer(issued.getIssuer()).clientId(issued.getClientId())
                .subject(issued.getAuthentication().getSubject()).sessionId(issued.getAuthentication().getSessionId())
                .scope(scope).build();
        return Uni.createFrom().item(TokenResult.newBuilder().setTokens(Tokens.newBuilder()
                .setAccessToken(access).setTokenType("Bearer").setExpiresIn(300).setIdToken("id-token-of-test")
                .setScope(scope)).build());
    }

    @Override
    public Uni<TokenResult> issueClientCredentialsToken(IssueClientCredentialsTokenRequest request) {
        String scope = String.join(" ", request.getScopesList());
        String access = TestTokens.accessToken().issuer(request.getIssuer()).clientId(request.getClientId())
                .subject(request.getClientId()).sessionId(null).scope(scope).build();
        return Uni.createFrom().item(TokenResult.newBuilder().setTokens(Tokens.newBuilder()
                .setAccessToken(access).setTokenType("Bearer").setExpiresIn(300).setScope(scope)).build());
    }

    @Override
    public Uni<GetJwksResponse> getJwks(GetJwksRequest request) {
        JWKS_CALLS.incrementAndGet();
        return Uni.createFrom().item(GetJwksResponse.newBuilder().setJwksJson(TestKeys.jwksJson()).build());
    }

    @Override
    public Uni<RevokeTokenResponse> revokeToken(RevokeTokenRequest request) {
        REVOKED.add(request);
        return Uni.createFrom().item(RevokeTokenResponse.newBuilder().setRevoked(true).build());
    }

    @Override
    public Uni<ListRevocationsResponse> listRevocations(ListRevocationsRequest request) {
        return Uni.createFrom().item(ListRevocationsResponse.newBuilder()
                .addRevocations(Revocation.newBuilder().setRealm("demo").setJti(BOOTSTRAP_JTI).setClientId("test-spa")
                        .setExpiresAt(System.currentTimeMillis() / 1000 + 3600))
                .build());
    }
}
