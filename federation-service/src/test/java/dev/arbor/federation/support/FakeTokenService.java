package dev.arbor.federation.support;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.GetJwksResponse;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeResponse;
import dev.arbor.contracts.token.v1.IssueClientCredentialsTokenRequest;
import dev.arbor.contracts.token.v1.IssueLogoutTokenRequest;
import dev.arbor.contracts.token.v1.IssueLogoutTokenResponse;
import dev.arbor.contracts.token.v1.ListRevocationsRequest;
import dev.arbor.contracts.token.v1.ListRevocationsResponse;
import dev.arbor.contracts.token.v1.MutinyTokenServiceGrpc;
import dev.arbor.contracts.token.v1.OAuthError;
import dev.arbor.contracts.token.v1.RedeemAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.RefreshTokensRequest;
import dev.arbor.contracts.token.v1.RevokeRefreshTokenRequest;
import dev.arbor.contracts.token.v1.Revocation;
import dev.arbor.contracts.token.v1.RevokeTokenRequest;
import dev.arbor.contracts.token.v1.RevokeTokenResponse;
import dev.arbor.contracts.token.v1.TokenResult;
import dev.arbor.contracts.token.v1.Tokens;
import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.TokenEvent;
import dev.arbor.contracts.events.Topics;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake of the PEER token-service on this service's test server: keeps issued codes in memory for
 * {@link #CODE_LIFETIME} on the application's clock, redeems each once, and signs real RS256 access
 * tokens with {@link TestKeys#SIGNING}. Like token-service, a code replayed by the client it was issued
 * to (RFC 6749 §4.1.2) revokes what its redemption issued: it publishes {@code token.revoked} for the
 * access token on the broker and drops the refresh token; a replay by another client revokes nothing.
 * It records the RevokeToken calls it gets and lists one revocation in force, {@link #BOOTSTRAP_JTI},
 * to every replica that starts.
 */
@GrpcService
public class FakeTokenService extends MutinyTokenServiceGrpc.TokenServiceImplBase {
    /** token-service's default {@code arbor.token.authorization-code-lifetime}. */
    public static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final Map<String, Instant> CODE_ISSUED_AT = new ConcurrentHashMap<>();
    /** Redeemed codes: who redeemed them and what was issued, kept as long as the access token lives. */
    private static final Map<String, Redemption> REDEEMED = new ConcurrentHashMap<>();

    /** The "redeemed" marker of a code: its client, its access token's jti and the refresh token issued. */
    private record Redemption(String realm, String clientId, String jti, String refreshToken, Instant until) {
    }

    @Inject
    Clock clock;
    public static final AtomicReference<IssueAuthorizationCodeRequest> LAST_CODE_REQUEST = new AtomicReference<>();
    public static final AtomicInteger JWKS_CALLS = new AtomicInteger();
    private static final Map<String, IssueAuthorizationCodeRequest> CODES = new ConcurrentHashMap<>();
    /** The jti of a token revoked before this replica started: known only through ListRevocations. */
    public static final String BOOTSTRAP_JTI = "revoked-before-start-" + UUID.randomUUID();
    public static final List<RevokeTokenRequest> REVOKED = new CopyOnWriteArrayList<>();
    /** Live refresh tokens: token -> the code request whose grant they carry on. */
    private static final Map<String, IssueAuthorizationCodeRequest> REFRESH_TOKENS = new ConcurrentHashMap<>();
    public static final List<RefreshTokensRequest> REFRESH_REQUESTS = new CopyOnWriteArrayList<>();
    public static final List<RevokeRefreshTokenRequest> REVOKED_REFRESH = new CopyOnWriteArrayList<>();

    /** A live refresh token of {@code clientId} in realm demo, granted {@code scopes}, as if from a login. */
    public static String refreshTokenFor(String clientId, List<String> scopes) {
        String token = "rt-" + UUID.randomUUID();
        REFRESH_TOKENS.put(token, IssueAuthorizationCodeRequest.newBuilder().setRealm("demo")
                .setIssuer("http://localhost:8080/realms/demo").setClientId(clientId).addAllScopes(scopes)
                .setAuthentication(dev.arbor.contracts.token.v1.Authentication.newBuilder().setSubject("alice")
                        .setSessionId("sid-1"))
                .build());
        return token;
    }

    @Override
    public Uni<IssueAuthorizationCodeResponse> issueAuthorizationCode(IssueAuthorizationCodeRequest request) {
        String code = "code-" + UUID.randomUUID();
        CODES.put(code, request);
        CODE_ISSUED_AT.put(code, clock.instant());
        LAST_CODE_REQUEST.set(request);
        return Uni.createFrom().item(IssueAuthorizationCodeResponse.newBuilder().setCode(code).setExpiresIn(60).build());
    }

    @Override
    public Uni<TokenResult> redeemAuthorizationCode(RedeemAuthorizationCodeRequest request) {
        IssueAuthorizationCodeRequest issued = CODES.remove(request.getCode());
        Instant issuedAt = CODE_ISSUED_AT.remove(request.getCode());
        if (issued == null) {
            // publishing waits for the broker: off the event loop
            return Uni.createFrom().item(() -> replayed(request))
                    .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool());
        }
        if (!issued.getClientId().equals(request.getClientId())
                || !issued.getRedirectUri().equals(request.getRedirectUri())
                || clock.instant().isAfter(issuedAt.plus(CODE_LIFETIME))) {
            return Uni.createFrom().item(invalidGrant());
        }
        TokenResult result = tokensFor(issued, issued.getScopesList());
        Instant until = Instant.now().plusSeconds(result.getTokens().getExpiresIn());
        REDEEMED.put(request.getCode(), new Redemption(issued.getRealm(), issued.getClientId(),
                jtiOf(result.getTokens().getAccessToken()), result.getTokens().getRefreshToken(), until));
        return Uni.createFrom().item(result);
    }

    /** RFC 6749 §4.1.2: a replay by the code's own client revokes its tokens; anyone else's revokes nothing. */
    private static TokenResult replayed(RedeemAuthorizationCodeRequest request) {
        Redemption redemption = REDEEMED.get(request.getCode());
        if (redemption != null && redemption.clientId().equals(request.getClientId())) {
            REFRESH_TOKENS.remove(redemption.refreshToken());
            publishRevoked(redemption);
        }
        return invalidGrant();
    }

    private static TokenResult invalidGrant() {
        return TokenResult.newBuilder().setError(OAuthError.newBuilder()
                .setCode("invalid_grant").setDescription("the code is invalid or was already used")).build();
    }

    /** What token-service's RevocationService publishes on arbor.token.v1, acknowledged by the broker. */
    private static void publishRevoked(Redemption redemption) {
        Properties props = new Properties();
        props.put("bootstrap.servers", org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class));
        props.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        props.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(props)) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.TOKEN, redemption.jti(),
                    EventJson.write(new TokenEvent.Revoked(UUID.randomUUID().toString(), Instant.now(),
                            redemption.realm(), redemption.jti(), redemption.until(), redemption.clientId())))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish token.revoked", e);
        }
    }

    private static String jtiOf(String jwt) {
        try {
            return org.jose4j.jwt.JwtClaims.parse(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8)).getJwtId();
        } catch (org.jose4j.jwt.consumer.InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rotates like token-service: the used token is gone; a scope beyond the grant is invalid_scope. */
    @Override
    public Uni<TokenResult> refreshTokens(RefreshTokensRequest request) {
        REFRESH_REQUESTS.add(request);
        IssueAuthorizationCodeRequest grant = REFRESH_TOKENS.get(request.getRefreshToken());
        if (grant == null || !grant.getClientId().equals(request.getClientId())) {
            return Uni.createFrom().item(TokenResult.newBuilder().setError(OAuthError.newBuilder()
                    .setCode("invalid_grant").setDescription("refresh token is invalid")).build());
        }
        if (!grant.getScopesList().containsAll(request.getScopesList())) {
            return Uni.createFrom().item(TokenResult.newBuilder().setError(OAuthError.newBuilder()
                    .setCode("invalid_scope").setDescription("scope exceeds the grant")).build());
        }
        REFRESH_TOKENS.remove(request.getRefreshToken());
        List<String> scopes = request.getScopesCount() == 0 ? grant.getScopesList() : request.getScopesList();
        return Uni.createFrom().item(tokensFor(grant.toBuilder().setPolicy(request.getPolicy()).build(), scopes));
    }

    @Override
    public Uni<RevokeTokenResponse> revokeRefreshToken(RevokeRefreshTokenRequest request) {
        REVOKED_REFRESH.add(request);
        IssueAuthorizationCodeRequest grant = REFRESH_TOKENS.get(request.getRefreshToken());
        boolean own = grant != null && grant.getClientId().equals(request.getClientId());
        if (own) {
            REFRESH_TOKENS.remove(request.getRefreshToken());
        }
        return Uni.createFrom().item(RevokeTokenResponse.newBuilder().setRevoked(own).build());
    }

    /** An access token (and, when the client's policy says so, a refresh token) for the grant. */
    private static TokenResult tokensFor(IssueAuthorizationCodeRequest grant, List<String> scopes) {
        String scope = String.join(" ", scopes);
        String access = TestTokens.accessToken().issuer(grant.getIssuer()).clientId(grant.getClientId())
                .subject(grant.getAuthentication().getSubject()).sessionId(grant.getAuthentication().getSessionId())
                .userinfoClaims(grant.getAuthentication().getUserinfoClaimsList()).scope(scope).build();
        Tokens.Builder tokens = Tokens.newBuilder().setAccessToken(access).setTokenType("Bearer").setExpiresIn(300)
                .setIdToken("id-token-of-test").setScope(scope);
        if (grant.getPolicy().getRefreshTokens()) {
            String refresh = "rt-" + UUID.randomUUID();
            REFRESH_TOKENS.put(refresh, grant);
            tokens.setRefreshToken(refresh).setRefreshExpiresIn(grant.getPolicy().getRefreshIdleLifetimeSeconds());
        }
        return TokenResult.newBuilder().setTokens(tokens).build();
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

    public static final List<IssueLogoutTokenRequest> LOGOUT_TOKEN_REQUESTS = new CopyOnWriteArrayList<>();

    /** Back-Channel Logout 1.0 §2.4 as token-service signs it: typ logout+jwt, RS256 test key, no nonce. */
    @Override
    public Uni<IssueLogoutTokenResponse> issueLogoutToken(IssueLogoutTokenRequest request) {
        LOGOUT_TOKEN_REQUESTS.add(request);
        org.jose4j.jwt.JwtClaims claims = new org.jose4j.jwt.JwtClaims();
        claims.setIssuer(TestTokens.issuerOf(request.getRealm()));
        claims.setAudience(request.getClientId());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(2);
        claims.setGeneratedJwtId();
        claims.setSubject(request.getSubject());
        claims.setClaim("sid", request.getSid());
        claims.setClaim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(TestKeys.SIGNING.getPrivateKey());
        jws.setKeyIdHeaderValue(TestKeys.SIGNING.getKeyId());
        jws.setAlgorithmHeaderValue("RS256");
        jws.setHeader("typ", "logout+jwt");
        try {
            return Uni.createFrom().item(IssueLogoutTokenResponse.newBuilder()
                    .setLogoutToken(jws.getCompactSerialization()).build());
        } catch (org.jose4j.lang.JoseException e) {
            return Uni.createFrom().failure(e);
        }
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
