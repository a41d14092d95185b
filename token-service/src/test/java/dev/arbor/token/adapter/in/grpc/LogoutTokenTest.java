package dev.arbor.token.adapter.in.grpc;

import static dev.arbor.token.support.TestGrants.CLIENT_ID;
import static dev.arbor.token.support.TestGrants.ISSUER;
import static dev.arbor.token.support.TestGrants.REALM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.IssueLogoutTokenRequest;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import dev.arbor.token.support.JwksVerifier;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OpenID Connect Back-Channel Logout 1.0 §2.4 — IssueLogoutToken, verified as an RP would (§2.6). */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class LogoutTokenTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    @GrpcClient("token")
    TokenService token;

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256", "EdDSA"})
    void logoutTokenIsTypedSignedWithTheClientsAlgAndCarriesTheSpecClaims(String alg) throws Exception {
        // When a logout token is issued for alice's session, for a client on that algorithm
        String jwt = issue(request().setSigningAlg(alg).build());

        // Then it verifies against the realm's JWKS, typ logout+jwt, aud = the client, iss = the realm
        JwtClaims claims = new JwksVerifier(jwks()).verify(jwt, "logout+jwt", ISSUER, CLIENT_ID);
        assertEquals(alg, JwksVerifier.header(jwt, "alg"));
        assertEquals("alice", claims.getSubject());
        assertEquals("session-123", claims.getStringClaimValue("sid"));
        assertFalse(claims.getJwtId().isBlank());
        assertEquals(Map.of(EVENT, Map.of()), claims.getClaimValue("events"));
        // §2.4: a logout token never has a nonce; §2.6: short-lived
        assertFalse(claims.hasClaim("nonce"));
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertTrue(lifetime > 0 && lifetime <= 120, "lifetime " + lifetime + " s");
    }

    @Test
    void withoutSigningAlgTheRealmDefaultRs256IsUsedAndEveryTokenHasItsOwnJti() throws Exception {
        String first = issue(request().build());
        String second = issue(request().build());

        assertEquals("RS256", JwksVerifier.header(first, "alg"));
        JwksVerifier verifier = new JwksVerifier(jwks());
        assertNotEquals(verifier.verify(first, "logout+jwt", ISSUER, CLIENT_ID).getJwtId(),
                verifier.verify(second, "logout+jwt", ISSUER, CLIENT_ID).getJwtId());
    }

    @Test
    void aSubjectAloneOrASidAloneIsEnough() throws Exception {
        JwksVerifier verifier = new JwksVerifier(jwks());

        JwtClaims bySub = verifier.verify(issue(request().setSid("").build()), "logout+jwt", ISSUER, CLIENT_ID);
        JwtClaims bySid = verifier.verify(issue(request().setSubject("").build()), "logout+jwt", ISSUER, CLIENT_ID);

        assertEquals("alice", bySub.getSubject());
        assertFalse(bySub.hasClaim("sid"));
        assertEquals("session-123", bySid.getStringClaimValue("sid"));
        assertFalse(bySid.hasClaim("sub"));
    }

    @Test
    void malformedRequestsAreInvalidArgumentNeverInternal() {
        for (IssueLogoutTokenRequest bad : new IssueLogoutTokenRequest[] {
                request().setRealm("").build(),
                request().setClientId("").build(),
                request().setSubject("").setSid("").build(),
                request().setSigningAlg("HS256").build(),
                request().setSigningAlg("none").build()}) {
            StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
                    () -> token.issueLogoutToken(bad).await().atMost(WAIT));
            assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode(), bad.toString());
        }
    }

    private static IssueLogoutTokenRequest.Builder request() {
        return IssueLogoutTokenRequest.newBuilder().setRealm(REALM).setClientId(CLIENT_ID).setSubject("alice")
                .setSid("session-123");
    }

    private String issue(IssueLogoutTokenRequest request) {
        return token.issueLogoutToken(request).await().atMost(WAIT).getLogoutToken();
    }

    private String jwks() {
        return token.getJwks(GetJwksRequest.newBuilder().setRealm(REALM).build()).await().atMost(WAIT).getJwksJson();
    }
}
