package dev.arbor.token.adapter.in.grpc;

import static dev.arbor.token.support.TestGrants.CLIENT_ID;
import static dev.arbor.token.support.TestGrants.ISSUER;
import static dev.arbor.token.support.TestGrants.REALM;
import static dev.arbor.token.support.TestGrants.codeRequest;
import static dev.arbor.token.support.TestGrants.redeemRequest;
import static dev.arbor.token.support.TestRefresh.jti;
import static dev.arbor.token.support.TestRefresh.refreshPolicy;
import static dev.arbor.token.support.TestRefresh.refreshRequest;
import static dev.arbor.token.support.TestRefresh.revokeRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.ListRevocationsRequest;
import dev.arbor.contracts.token.v1.RefreshTokensRequest;
import dev.arbor.contracts.token.v1.TokenResult;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.contracts.token.v1.Tokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.KafkaTopicReader;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import dev.arbor.token.support.JwksVerifier;
import dev.arbor.token.support.TestGrants;
import dev.arbor.token.support.TestGrants.Pkce;
import dev.arbor.token.support.TestRefresh;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** RFC 6749 §6 refresh with RFC 9700 §4.14.2 rotation and reuse detection, over the service's gRPC endpoint. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class RefreshTokenGrantTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("token")
    TokenService token;

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void redeemWithRefreshPolicyThenRefreshTokenIsIssuedAndStoredOnlyAsItsHash() {
        Tokens tokens = redeemWithRefresh();

        assertEquals(43, tokens.getRefreshToken().length(), "256 bits, base64url");
        assertEquals(86_400, tokens.getRefreshExpiresIn(), "the configured default idle lifetime, P1D");
        assertEquals(1, count("SELECT count(*) FROM token.refresh_tokens WHERE hash = $1",
                TestGrants.s256(tokens.getRefreshToken())));
        assertEquals(0, count("SELECT count(*) FROM token.refresh_tokens WHERE hash = $1", tokens.getRefreshToken()));
    }

    @Test
    void redeemWithoutRefreshPolicyThenNoRefreshToken() {
        Pkce pkce = Pkce.random();
        String code = token.issueAuthorizationCode(codeRequest(pkce).build()).await().atMost(WAIT).getCode();

        Tokens tokens = token.redeemAuthorizationCode(redeemRequest(code, pkce).build()).await().atMost(WAIT).getTokens();

        assertTrue(tokens.getRefreshToken().isEmpty());
        assertEquals(0, tokens.getRefreshExpiresIn());
    }

    @Test
    void refreshRotatesTheTokenAndTheUsedOneIsRefused() {
        Tokens first = redeemWithRefresh();

        Tokens second = refresh(refreshRequest(first.getRefreshToken()).build()).getTokens();

        assertFalse(second.getRefreshToken().isEmpty());
        assertNotEquals(first.getRefreshToken(), second.getRefreshToken());
        assertNotEquals(jti(first.getAccessToken()), jti(second.getAccessToken()));
        assertEquals("openid profile email", second.getScope());
        assertInvalidGrant(refresh(refreshRequest(first.getRefreshToken()).build()));
    }

    @Test
    void refreshWhenTokenReusedThenFamilyRevokedWithItsAccessTokens() {
        // Given a family rotated once: the code's tokens, then the refreshed ones
        Tokens first = redeemWithRefresh();
        Tokens second = refresh(refreshRequest(first.getRefreshToken()).build()).getTokens();

        // When the rotated-out token comes back (someone else had a copy)
        TokenResult reuse = refresh(refreshRequest(first.getRefreshToken()).build());

        // Then it is refused, the newest token of the family too, and both access tokens are revoked and announced
        assertInvalidGrant(reuse);
        assertInvalidGrant(refresh(refreshRequest(second.getRefreshToken()).build()));
        for (String jti : List.of(jti(first.getAccessToken()), jti(second.getAccessToken()))) {
            assertTrue(revokedJtis().contains(jti), "revocation recorded for " + jti);
            assertTrue(KafkaTopicReader.find(bootstrapServers, dev.arbor.contracts.events.Topics.TOKEN,
                    r -> jti.equals(r.key())).isPresent(), "token.revoked published for " + jti);
        }
    }

    @Test
    void refreshByAnotherClientThenInvalidGrantAndTheVictimsFamilyUntouched() {
        Tokens victim = redeemWithRefresh();

        TokenResult stolen = refresh(refreshRequest(victim.getRefreshToken()).setClientId("demo-rp").build());
        boolean revoked = token.revokeRefreshToken(revokeRequest("demo-rp", victim.getRefreshToken()))
                .await().atMost(WAIT).getRevoked();

        assertInvalidGrant(stolen);
        assertFalse(revoked);
        assertFalse(revokedJtis().contains(jti(victim.getAccessToken())));
        assertTrue(refresh(refreshRequest(victim.getRefreshToken()).build()).hasTokens(),
                "the token was neither used nor revoked by the other client");
    }

    @Test
    void refreshWithNarrowerScopeThenAccessTokenNarrowedAndFamilyKeepsTheGrant() throws Exception {
        Tokens first = redeemWithRefresh();

        Tokens narrowed = refresh(refreshRequest(first.getRefreshToken()).addScopes("openid").build()).getTokens();
        Tokens restored = refresh(refreshRequest(narrowed.getRefreshToken())
                .addAllScopes(List.of("openid", "profile", "email")).build()).getTokens();

        assertEquals("openid", narrowed.getScope());
        assertEquals("openid", TestRefresh.claims(narrowed.getAccessToken()).getClaimValueAsString("scope"));
        assertEquals("openid profile email", restored.getScope());
    }

    @Test
    void refreshWithWiderScopeThenInvalidScopeAndTheTokenIsNotUsed() {
        Tokens first = redeemWithRefresh();

        TokenResult wider = refresh(refreshRequest(first.getRefreshToken()).addAllScopes(List.of("openid", "api")).build());

        assertTrue(wider.hasError());
        assertEquals("invalid_scope", wider.getError().getCode());
        assertTrue(refresh(refreshRequest(first.getRefreshToken()).build()).hasTokens());
    }

    @Test
    void refreshedIdTokenKeepsTheAuthenticationAndHasNoNonce() throws Exception {
        Tokens first = redeemWithRefresh();

        Tokens refreshed = refresh(refreshRequest(first.getRefreshToken()).build()).getTokens();

        JwtClaims id = new JwksVerifier(jwks()).verify(refreshed.getIdToken(), "JWT", ISSUER, CLIENT_ID);
        assertEquals("alice", id.getSubject());
        assertEquals(TestGrants.AUTH_TIME, id.getClaimValue("auth_time", Long.class));
        assertEquals("urn:arbor:acr:password", id.getClaimValueAsString("acr"));
        assertEquals(List.of("pwd"), id.getStringListClaimValue("amr"));
        assertEquals("session-123", id.getClaimValueAsString("sid"));
        assertEquals(CLIENT_ID, id.getClaimValueAsString("azp"));
        assertEquals("alice@example.com", id.getClaimValueAsString("email"));
        assertFalse(id.hasClaim("nonce"), "OIDC Core §12.2: no nonce in a refreshed ID token");
        assertFalse(id.getClaimValueAsString("at_hash").isEmpty());
    }

    @Test
    void refreshedAccessTokenKeepsTheUserinfoClaimsOfTheGrant() throws Exception {
        Pkce pkce = Pkce.random();
        String code = token.issueAuthorizationCode(codeRequest(pkce).setPolicy(refreshPolicy())
                .setAuthentication(TestGrants.alice().toBuilder().addUserinfoClaims("phone_number")).build())
                .await().atMost(WAIT).getCode();
        Tokens first = token.redeemAuthorizationCode(redeemRequest(code, pkce).build()).await().atMost(WAIT)
                .getTokens();

        Tokens refreshed = refresh(refreshRequest(first.getRefreshToken()).build()).getTokens();

        JwksVerifier verifier = new JwksVerifier(jwks());
        JwtClaims access = verifier.verify(refreshed.getAccessToken(), "at+jwt", ISSUER, CLIENT_ID);
        assertEquals(List.of("phone_number"), access.getStringListClaimValue("userinfo_claims"));
        JwtClaims id = verifier.verify(refreshed.getIdToken(), "JWT", ISSUER, CLIENT_ID);
        assertFalse(id.hasClaim("userinfo_claims"), "the names are not a profile claim");
        assertEquals("alice@example.com", id.getClaimValueAsString("email"));
    }

    @Test
    void sixteenConcurrentRefreshesWithOneTokenThenExactlyOneWinsAndTheFamilyIsRevoked() {
        Tokens first = redeemWithRefresh();
        RefreshTokensRequest request = refreshRequest(first.getRefreshToken()).build();

        List<Uni<TokenResult>> calls = new ArrayList<>();
        IntStream.range(0, 16).forEach(i -> calls.add(token.refreshTokens(request)));
        List<TokenResult> results = Uni.join().all(calls).andFailFast().await().atMost(WAIT);

        List<Tokens> winners = results.stream().filter(TokenResult::hasTokens).map(TokenResult::getTokens).toList();
        assertEquals(1, winners.size());
        results.stream().filter(r -> !r.hasTokens()).forEach(RefreshTokenGrantTest::assertInvalidGrant);
        // the losers are reuses (strict RFC 9700 §4.14.2): even the winner's tokens die with the family
        assertInvalidGrant(refresh(refreshRequest(winners.getFirst().getRefreshToken()).build()));
        assertTrue(revokedJtis().contains(jti(winners.getFirst().getAccessToken())));
    }

    @Test
    void codeReplayRevokesTheRefreshFamilyIssuedFromTheCode() {
        Pkce pkce = Pkce.random();
        String code = token.issueAuthorizationCode(codeRequest(pkce).setPolicy(refreshPolicy()).build())
                .await().atMost(WAIT).getCode();
        Tokens tokens = token.redeemAuthorizationCode(redeemRequest(code, pkce).build()).await().atMost(WAIT).getTokens();

        TokenResult replay = token.redeemAuthorizationCode(redeemRequest(code, pkce).build()).await().atMost(WAIT);

        assertInvalidGrant(replay);
        assertInvalidGrant(refresh(refreshRequest(tokens.getRefreshToken()).build()));
    }

    @Test
    void revokeRefreshTokenRevokesTheFamilyAndItsAccessTokens() {
        Tokens first = redeemWithRefresh();
        Tokens second = refresh(refreshRequest(first.getRefreshToken()).build()).getTokens();

        boolean revoked = token.revokeRefreshToken(revokeRequest(CLIENT_ID, second.getRefreshToken()))
                .await().atMost(WAIT).getRevoked();

        assertTrue(revoked);
        assertInvalidGrant(refresh(refreshRequest(second.getRefreshToken()).build()));
        Set<String> jtis = revokedJtis();
        assertTrue(jtis.contains(jti(first.getAccessToken())));
        assertTrue(jtis.contains(jti(second.getAccessToken())));
    }

    @Test
    void unknownEmptyOrOversizedRefreshTokenThenInvalidGrantAndRevokeAnswersFalse() {
        for (String bad : List.of("not-a-token-we-issued", "", "x".repeat(10_000))) {
            assertInvalidGrant(refresh(refreshRequest(bad).build()));
            assertFalse(token.revokeRefreshToken(revokeRequest(CLIENT_ID, bad)).await().atMost(WAIT).getRevoked());
        }
    }

    @Test
    void refreshOrRevokeWithoutRealmOrClientThenInvalidArgument() {
        for (Runnable call : List.<Runnable>of(
                () -> refresh(refreshRequest("t").clearRealm().build()),
                () -> refresh(refreshRequest("t").clearClientId().build()),
                () -> token.revokeRefreshToken(revokeRequest("", "t")).await().atMost(WAIT))) {
            StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call::run);
            assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode());
        }
    }

    private Tokens redeemWithRefresh() {
        Pkce pkce = Pkce.random();
        String code = token.issueAuthorizationCode(codeRequest(pkce).setPolicy(refreshPolicy()).build())
                .await().atMost(WAIT).getCode();
        TokenResult result = token.redeemAuthorizationCode(redeemRequest(code, pkce).build()).await().atMost(WAIT);
        assertTrue(result.hasTokens(), () -> "redemption failed: " + result.getError());
        return result.getTokens();
    }

    private TokenResult refresh(RefreshTokensRequest request) {
        return token.refreshTokens(request).await().atMost(WAIT);
    }

    private Set<String> revokedJtis() {
        return token.listRevocations(ListRevocationsRequest.newBuilder().setRealm(REALM).build()).await().atMost(WAIT)
                .getRevocationsList().stream().map(r -> r.getJti()).collect(Collectors.toSet());
    }

    private String jwks() {
        return token.getJwks(GetJwksRequest.newBuilder().setRealm(REALM).build()).await().atMost(WAIT).getJwksJson();
    }

    private long count(String sql, String parameter) {
        Row row = pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(WAIT).iterator().next();
        return row.getLong(0);
    }

    static void assertInvalidGrant(TokenResult result) {
        assertTrue(result.hasError(), "expected an OAuth error, got tokens");
        assertEquals("invalid_grant", result.getError().getCode());
        assertFalse(result.getError().getDescription().isBlank());
    }
}
