package dev.arbor.token.adapter.in.grpc;

import static dev.arbor.token.support.TestGrants.CLIENT_ID;
import static dev.arbor.token.support.TestGrants.ISSUER;
import static dev.arbor.token.support.TestGrants.REALM;
import static dev.arbor.token.support.TestGrants.codeRequest;
import static dev.arbor.token.support.TestGrants.redeemRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.TokenPolicy;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.contracts.token.v1.Tokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import dev.arbor.token.support.JwksVerifier;
import dev.arbor.token.support.TestGrants;
import dev.arbor.token.support.TestGrants.Pkce;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #3 item 2: tokens signed with RS256, PS256, ES256 and EdDSA (Ed25519), each verified offline
 * against the realm's JWKS with jose4j, each algorithm with a key of its own.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class SigningAlgorithmsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The JWK members each algorithm's key must have (RFC 7518 §6.2, §6.3; RFC 8037 §2). */
    private static final Map<String, Map<String, String>> KEY_TYPES = Map.of(
            "RS256", Map.of("kty", "RSA"),
            "PS256", Map.of("kty", "RSA"),
            "ES256", Map.of("kty", "EC", "crv", "P-256"),
            "EdDSA", Map.of("kty", "OKP", "crv", "Ed25519"));

    @GrpcClient("token")
    TokenService token;

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256", "EdDSA"})
    void codeRedemptionSignsBothTokensWithThePolicyAlgAndHashesWithItsHash(String alg) throws Exception {
        // Given a code issued with a policy naming the algorithm
        Pkce pkce = Pkce.random();
        String code = token.issueAuthorizationCode(codeRequest(pkce).setPolicy(policy(alg)).build())
                .await().atMost(WAIT).getCode();

        // When it is redeemed
        Tokens tokens = token.redeemAuthorizationCode(redeemRequest(code, pkce).build()).await().atMost(WAIT)
                .getTokens();

        // Then both tokens verify against the JWKS, with the right header, and the ID token's at_hash
        // and c_hash use the hash of that algorithm (OIDC Core §3.1.3.6, §3.3.2.11)
        String jwks = jwks(REALM);
        JwksVerifier verifier = new JwksVerifier(jwks);
        verifier.verify(tokens.getAccessToken(), "at+jwt", ISSUER, CLIENT_ID);
        JwtClaims id = verifier.verify(tokens.getIdToken(), "JWT", ISSUER, CLIENT_ID);
        assertHeader(tokens.getAccessToken(), alg, "at+jwt", jwks);
        assertHeader(tokens.getIdToken(), alg, "JWT", jwks);
        String hash = alg.equals("EdDSA") ? "SHA-512" : "SHA-256";
        assertEquals(leftHalf(hash, tokens.getAccessToken()), id.getClaimValueAsString("at_hash"));
        assertEquals(leftHalf(hash, code), id.getClaimValueAsString("c_hash"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256", "EdDSA"})
    void clientCredentialsTokenIsSignedWithThePolicyAlgAndItsOwnKey(String alg) throws Exception {
        String realm = "alg-" + alg.toLowerCase();

        Tokens tokens = token.issueClientCredentialsToken(TestGrants.clientCredentials(realm, "demo-service")
                .setPolicy(policy(alg)).build()).await().atMost(WAIT).getTokens();

        String jwks = jwks(realm);
        new JwksVerifier(jwks).verify(tokens.getAccessToken(), "at+jwt", "http://localhost:8080/realms/" + realm,
                "demo-service");
        assertHeader(tokens.getAccessToken(), alg, "at+jwt", jwks);
        Map<String, Object> jwk = onlyKey(jwks);
        KEY_TYPES.get(alg).forEach((member, value) -> assertEquals(value, jwk.get(member), member));
        assertEquals(alg, jwk.get("alg"), "the JWK binds its key to one algorithm (RFC 7517 §4.4)");
        assertEquals("sig", jwk.get("use"));
    }

    @Test
    void rs256AndPs256OfOneRealmUseDifferentKeys() throws Exception {
        String rs = JwksVerifier.kid(clientToken("two-rsa", "RS256"));
        String ps = JwksVerifier.kid(clientToken("two-rsa", "PS256"));
        String again = JwksVerifier.kid(clientToken("two-rsa", ""));

        assertNotEquals(rs, ps);
        assertEquals(rs, again, "an empty signing_alg means RS256");
        assertEquals(2, ((List<?>) JsonUtil.parseJson(jwks("two-rsa")).get("keys")).size());
    }

    @Test
    void unknownOrUnsafeAlgIsAMalformedCall() {
        for (String alg : List.of("HS256", "none", "rs256", "ES512")) {
            StatusRuntimeException cc = assertThrows(StatusRuntimeException.class,
                    () -> token.issueClientCredentialsToken(TestGrants.clientCredentials("bad-alg", "demo-service")
                            .setPolicy(policy(alg)).build()).await().atMost(WAIT));
            StatusRuntimeException code = assertThrows(StatusRuntimeException.class,
                    () -> token.issueAuthorizationCode(codeRequest(Pkce.random()).setPolicy(policy(alg)).build())
                            .await().atMost(WAIT));
            assertEquals(Status.Code.INVALID_ARGUMENT, cc.getStatus().getCode(), alg);
            assertEquals(Status.Code.INVALID_ARGUMENT, code.getStatus().getCode(), alg);
        }
    }

    private String clientToken(String realm, String alg) {
        return token.issueClientCredentialsToken(TestGrants.clientCredentials(realm, "demo-service")
                .setPolicy(policy(alg)).build()).await().atMost(WAIT).getTokens().getAccessToken();
    }

    private static TokenPolicy policy(String alg) {
        return TokenPolicy.newBuilder().setSigningAlg(alg).build();
    }

    private String jwks(String realm) {
        return token.getJwks(GetJwksRequest.newBuilder().setRealm(realm).build()).await().atMost(WAIT).getJwksJson();
    }

    private static void assertHeader(String jwt, String alg, String typ, String jwks) throws Exception {
        assertEquals(alg, JwksVerifier.header(jwt, "alg"));
        assertEquals(typ, JwksVerifier.header(jwt, "typ"));
        assertTrue(jwks.contains("\"kid\":\"" + JwksVerifier.kid(jwt) + "\""), "kid is in the JWKS");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyKey(String jwks) throws Exception {
        List<?> keys = (List<?>) JsonUtil.parseJson(jwks).get("keys");
        assertEquals(1, keys.size());
        return (Map<String, Object>) keys.get(0);
    }

    private static String leftHalf(String hash, String value) throws Exception {
        byte[] digest = MessageDigest.getInstance(hash).digest(value.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
    }
}
