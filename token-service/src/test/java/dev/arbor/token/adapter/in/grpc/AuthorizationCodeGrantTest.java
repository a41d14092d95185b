package dev.arbor.token.adapter.in.grpc;

import static dev.arbor.token.support.TestGrants.CLIENT_ID;
import static dev.arbor.token.support.TestGrants.ISSUER;
import static dev.arbor.token.support.TestGrants.REALM;
import static dev.arbor.token.support.TestGrants.codeRequest;
import static dev.arbor.token.support.TestGrants.redeemRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeResponse;
import dev.arbor.contracts.token.v1.RedeemAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.TokenResult;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.contracts.token.v1.Tokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import dev.arbor.token.config.ArborConfig;
import dev.arbor.token.support.JwksVerifier;
import dev.arbor.token.support.TestGrants;
import dev.arbor.token.support.TestGrants.Pkce;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** RFC 6749 §4.1 with RFC 7636, end to end over the service's own gRPC endpoint. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class AuthorizationCodeGrantTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("token")
    TokenService token;

    @Inject
    RedisDataSource redis;

    @Inject
    ArborConfig config;

    @Test
    void issueThenRedeemReturnsAccessAndIdTokenVerifiableAgainstTheRealmJwks() throws Exception {
        // Given a code issued for alice with PKCE and a nonce
        Pkce pkce = Pkce.random();
        IssueAuthorizationCodeResponse issued = issue(codeRequest(pkce).setAccessTokenLifetimeSeconds(120).build());

        // When the client redeems it with the right verifier
        Tokens tokens = redeem(redeemRequest(issued.getCode(), pkce).build()).getTokens();

        // Then the code is 256 bits of base64url, and both tokens verify against GetJwks
        assertEquals(43, issued.getCode().length());
        assertEquals(60, issued.getExpiresIn());
        assertEquals("Bearer", tokens.getTokenType());
        assertEquals(120, tokens.getExpiresIn());
        assertEquals("openid profile email", tokens.getScope());
        JwksVerifier jwks = new JwksVerifier(jwks(REALM));

        JwtClaims access = jwks.verify(tokens.getAccessToken(), "at+jwt", ISSUER, CLIENT_ID);
        assertEquals("alice", access.getSubject());
        assertEquals(CLIENT_ID, access.getClaimValueAsString("client_id"));
        assertEquals("openid profile email", access.getClaimValueAsString("scope"));
        assertEquals(120, access.getExpirationTime().getValue() - access.getIssuedAt().getValue());
        assertFalse(access.getJwtId().isBlank());
        assertEquals(TestGrants.AUTH_TIME, access.getClaimValue("auth_time", Long.class));
        assertEquals("urn:arbor:acr:password", access.getClaimValueAsString("acr"));
        assertEquals(List.of("pwd"), access.getStringListClaimValue("amr"));
        assertEquals("session-123", access.getClaimValueAsString("sid"));
        assertFalse(access.hasClaim("email"), "profile claims belong in the ID token and userinfo");

        JwtClaims id = jwks.verify(tokens.getIdToken(), "JWT", ISSUER, CLIENT_ID);
        assertEquals("alice", id.getSubject());
        assertEquals(TestGrants.NONCE, id.getClaimValueAsString("nonce"));
        assertEquals(CLIENT_ID, id.getClaimValueAsString("azp"));
        assertEquals(TestGrants.AUTH_TIME, id.getClaimValue("auth_time", Long.class));
        assertEquals("urn:arbor:acr:password", id.getClaimValueAsString("acr"));
        assertEquals(List.of("pwd"), id.getStringListClaimValue("amr"));
        assertEquals("session-123", id.getClaimValueAsString("sid"));
        assertEquals("Alice Liddell", id.getClaimValueAsString("name"));
        assertEquals("alice@example.com", id.getClaimValueAsString("email"));
        assertEquals(Boolean.TRUE, id.getClaimValue("email_verified"));
        byte[] digest = TestGrants.sha256(tokens.getAccessToken());
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)),
                id.getClaimValueAsString("at_hash"));
        assertEquals(JwksVerifier.kid(tokens.getAccessToken()), JwksVerifier.kid(tokens.getIdToken()));
    }

    @Test
    void userinfoClaimsAskedForAreNamedInTheAccessTokenAndNeverReleasedInEitherToken() throws Exception {
        // Given a code whose authentication carries claims.userinfo names (OIDC Core §5.5)
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).setAuthentication(TestGrants.alice().toBuilder()
                .addUserinfoClaims("phone_number").addUserinfoClaims("birthdate")).build()).getCode();

        // When it is redeemed
        Tokens tokens = redeem(redeemRequest(code, pkce).build()).getTokens();

        // Then the access token names them (for the UserInfo endpoint), the ID token does not
        JwksVerifier jwks = new JwksVerifier(jwks(REALM));
        JwtClaims access = jwks.verify(tokens.getAccessToken(), "at+jwt", ISSUER, CLIENT_ID);
        assertEquals(List.of("phone_number", "birthdate"), access.getStringListClaimValue("userinfo_claims"));
        assertFalse(access.hasClaim("phone_number"));
        JwtClaims id = jwks.verify(tokens.getIdToken(), "JWT", ISSUER, CLIENT_ID);
        assertFalse(id.hasClaim("userinfo_claims"));
    }

    @Test
    void redeemWithoutOpenidScopeThenNoIdToken() {
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).clearScopes().addScopes("profile").build()).getCode();

        Tokens tokens = redeem(redeemRequest(code, pkce).build()).getTokens();

        assertFalse(tokens.getAccessToken().isEmpty());
        assertTrue(tokens.getIdToken().isEmpty());
        assertEquals(300, tokens.getExpiresIn(), "the configured default access-token lifetime, PT5M");
    }

    @Test
    void redeemWhenCodeAlreadyUsedThenInvalidGrant() {
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).build()).getCode();
        assertTrue(redeem(redeemRequest(code, pkce).build()).hasTokens());

        TokenResult second = redeem(redeemRequest(code, pkce).build());

        assertInvalidGrant(second);
        assertTrue(redis.value(String.class).get(key("code-used:", code)).contains("\"client_id\":\"" + CLIENT_ID + "\""),
                "the replay marker names the client that redeemed the code");
    }

    @Test
    void redeemWithWrongVerifierThenInvalidGrant() {
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).build()).getCode();

        assertInvalidGrant(redeem(redeemRequest(code, Pkce.random()).build()));
    }

    @Test
    void redeemWithoutVerifierWhenChallengeBoundThenInvalidGrant() {
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).build()).getCode();

        assertInvalidGrant(redeem(redeemRequest(code, pkce).clearCodeVerifier().build()));
    }

    @Test
    void redeemWithVerifierWhenNoChallengeBoundThenInvalidGrant() {
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).clearCodeChallenge().clearCodeChallengeMethod().build()).getCode();

        assertInvalidGrant(redeem(redeemRequest(code, pkce).build()));
    }

    @Test
    void redeemWithoutPkceWhenNoneBoundThenTokens() {
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).clearCodeChallenge().clearCodeChallengeMethod().build()).getCode();

        assertTrue(redeem(redeemRequest(code, pkce).clearCodeVerifier().build()).hasTokens());
    }

    @Test
    void redeemWithOtherRedirectUriThenInvalidGrant() {
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).build()).getCode();

        assertInvalidGrant(redeem(redeemRequest(code, pkce).setRedirectUri("http://localhost:8080/ui/demo/x").build()));
    }

    @Test
    void redeemByOtherClientThenInvalidGrant() {
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).build()).getCode();

        assertInvalidGrant(redeem(redeemRequest(code, pkce).setClientId("demo-rp").build()));
    }

    @Test
    void redeemInOtherRealmThenInvalidGrant() {
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).build()).getCode();

        assertInvalidGrant(redeem(redeemRequest(code, pkce).setRealm("admin").build()));
    }

    @Test
    void redeemUnknownOrEmptyCodeThenInvalidGrant() {
        Pkce pkce = Pkce.random();

        assertInvalidGrant(redeem(redeemRequest("not-a-code-we-issued", pkce).build()));
        assertInvalidGrant(redeem(redeemRequest("", pkce).build()));
    }

    @Test
    void redeemAfterCodeExpiredThenInvalidGrant() {
        // Given a code whose Redis entry lives exactly the configured code lifetime
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).build()).getCode();
        String key = key("code:", code);
        long ttl = redis.key().pttl(key);
        assertTrue(ttl > 0 && ttl <= config.token().authorizationCodeLifetime().toMillis(), "TTL was " + ttl);

        // When that lifetime is over (Redis deletes a key whose expiry lies in the past at once)
        redis.key().expireat(key, 1L);

        // Then the code is no longer redeemable
        assertInvalidGrant(redeem(redeemRequest(code, pkce).build()));
    }

    @Test
    void codeIsStoredUnderItsHashNotInClear() {
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).build()).getCode();

        assertTrue(redis.key().exists(key("code:", code)));
        assertFalse(redis.key().exists(config.redis().keyPrefix() + "code:" + code));
        assertFalse(redis.value(String.class).get(key("code:", code)).contains(code));
    }

    @Test
    void eightConcurrentRedemptionsOfOneCodeThenExactlyOneWins() {
        Pkce pkce = Pkce.random();
        String code = issue(codeRequest(pkce).build()).getCode();
        RedeemAuthorizationCodeRequest request = redeemRequest(code, pkce).build();

        List<Uni<TokenResult>> redemptions = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> redemptions.add(token.redeemAuthorizationCode(request)));
        List<TokenResult> results = Uni.join().all(redemptions).andFailFast().await().atMost(WAIT);

        assertEquals(1, results.stream().filter(TokenResult::hasTokens).count());
        results.stream().filter(r -> !r.hasTokens()).forEach(AuthorizationCodeGrantTest::assertInvalidGrant);
    }

    @Test
    void issueWithPlainChallengeMethodThenInvalidArgument() {
        Pkce pkce = Pkce.random();
        IssueAuthorizationCodeRequest plain = codeRequest(pkce).setCodeChallengeMethod("plain").build();

        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, () -> issue(plain));

        assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode());
    }

    @Test
    void issueWithoutAuthenticationOrRedirectUriThenInvalidArgument() {
        Pkce pkce = Pkce.random();

        StatusRuntimeException noUser = assertThrows(StatusRuntimeException.class,
                () -> issue(codeRequest(pkce).clearAuthentication().build()));
        StatusRuntimeException noRedirect = assertThrows(StatusRuntimeException.class,
                () -> issue(codeRequest(pkce).clearRedirectUri().build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, noUser.getStatus().getCode());
        assertEquals(Status.Code.INVALID_ARGUMENT, noRedirect.getStatus().getCode());
    }

    private IssueAuthorizationCodeResponse issue(IssueAuthorizationCodeRequest request) {
        return token.issueAuthorizationCode(request).await().atMost(WAIT);
    }

    private TokenResult redeem(RedeemAuthorizationCodeRequest request) {
        return token.redeemAuthorizationCode(request).await().atMost(WAIT);
    }

    private String jwks(String realm) {
        return token.getJwks(GetJwksRequest.newBuilder().setRealm(realm).build()).await().atMost(WAIT).getJwksJson();
    }

    private String key(String kind, String code) {
        return config.redis().keyPrefix() + kind + TestGrants.s256(code);
    }

    private static void assertInvalidGrant(TokenResult result) {
        assertTrue(result.hasError(), "expected an OAuth error, got tokens");
        assertEquals("invalid_grant", result.getError().getCode());
        assertFalse(result.getError().getDescription().isBlank());
    }
}
