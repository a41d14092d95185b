package dev.arbor.token.adapter.out.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.token.v1.GetJwksRequest;
import dev.arbor.contracts.token.v1.TokenResult;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import dev.arbor.token.domain.key.SigningAlgorithm;
import dev.arbor.token.domain.key.StoredSigningKey;
import dev.arbor.token.port.KeyMaterial;
import dev.arbor.token.port.SigningKeyRepository;
import dev.arbor.token.support.JwksVerifier;
import dev.arbor.token.support.TestGrants;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

/** Signing keys: one set per realm and alg, created lazily and race-safely, private part encrypted at rest. */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class SigningKeyStorageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> PRIVATE_RSA_PARAMS = List.of("d", "p", "q", "dp", "dq", "qi");

    @GrpcClient("token")
    TokenService token;

    @Inject
    Pool pool;

    @Inject
    SigningKeyRepository repository;

    @Inject
    KeyMaterial keyMaterial;

    @Test
    void privateKeyIsStoredEncryptedNotInClear() throws Exception {
        // Given a realm that has issued a token
        issueClientToken("stored-realm");

        // When the key row is read straight from the database
        Row row = rows("SELECT public_jwk, private_jwk_encrypted, alg, retired_at FROM token.signing_keys WHERE realm = $1",
                "stored-realm").iterator().next();
        String sealed = row.getString("private_jwk_encrypted");

        // Then the private JWK is a dir/A256GCM compact JWE, and its "d" never appears in clear
        String privateJwk = keyMaterial.unseal(sealed);
        String d = (String) JsonUtil.parseJson(privateJwk).get("d");
        assertTrue(d.length() > 300, "a 2048-bit RSA private exponent");
        assertFalse(sealed.contains(d));
        assertFalse(sealed.contains("\"d\""));
        assertEquals(5, sealed.split("\\.", -1).length, "JWE compact serialization");
        Map<String, Object> header = JsonUtil.parseJson(new String(
                java.util.Base64.getUrlDecoder().decode(sealed.substring(0, sealed.indexOf('.')))));
        assertEquals("dir", header.get("alg"));
        assertEquals("A256GCM", header.get("enc"));
        assertPublicOnly(JsonUtil.parseJson(row.getString("public_jwk")));
        assertEquals("RS256", row.getString("alg"));
        assertNull(row.getValue("retired_at"), "the realm's first key is current");
        RsaJsonWebKey jwk = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(privateJwk);
        assertEquals(2048, jwk.getRsaPublicKey().getModulus().bitLength());
    }

    @Test
    void jwksOfARealmWithoutKeysIsNeverEmptySoNoVerifierCachesAnEmptySet() throws Exception {
        String jwks = jwks("fresh-realm");

        String kid = JwksVerifier.kid(issueClientToken("fresh-realm").getTokens().getAccessToken());
        assertEquals(1, new JsonWebKeySet(jwks).getJsonWebKeys().size());
        assertTrue(jwks.contains("\"kid\":\"" + kid + "\""), "the first token is signed with the key already published");
    }

    @Test
    void jwksContainsOnlyPublicParts() throws Exception {
        issueClientToken("jwks-realm");

        String jwks = jwks("jwks-realm");

        List<JsonWebKey> keys = new JsonWebKeySet(jwks).getJsonWebKeys();
        assertEquals(1, keys.size());
        for (Object key : (List<?>) JsonUtil.parseJson(jwks).get("keys")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = (Map<String, Object>) key;
            assertPublicOnly(jwk);
            assertEquals("RS256", jwk.get("alg"));
            assertEquals("sig", jwk.get("use"));
        }
    }

    @Test
    void secondRealmGetsADifferentKeyAndTheirJwksDoNotOverlap() throws Exception {
        String first = JwksVerifier.kid(issueClientToken("realm-one").getTokens().getAccessToken());
        String second = JwksVerifier.kid(issueClientToken("realm-two").getTokens().getAccessToken());

        assertNotEquals(first, second);
        assertTrue(jwks("realm-one").contains(first));
        assertFalse(jwks("realm-one").contains(second));
        assertTrue(jwks("realm-two").contains(second));
        assertEquals(first, JwksVerifier.kid(issueClientToken("realm-one").getTokens().getAccessToken()),
                "the realm keeps its key");
    }

    @Test
    void concurrentFirstUseOfARealmCreatesExactlyOneKey() throws Exception {
        List<Uni<TokenResult>> calls = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> calls.add(token.issueClientCredentialsToken(
                TestGrants.clientCredentials("busy-realm", "demo-service").build())));

        List<TokenResult> results = Uni.join().all(calls).andFailFast().await().atMost(WAIT);

        Set<String> kids = new HashSet<>();
        for (TokenResult result : results) {
            kids.add(JwksVerifier.kid(result.getTokens().getAccessToken()));
        }
        assertEquals(1, kids.size());
        assertEquals(1, rows("SELECT kid FROM token.signing_keys WHERE realm = $1", "busy-realm").size());
    }

    @Test
    void insertFirstWhenRealmAlreadyHasAKeyOfThatAlgKeepsTheFirst() throws Exception {
        // Given a replica has stored the realm's first RS256 key
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        StoredSigningKey winner = key("race-realm", "kid-winner", SigningAlgorithm.RS256, now);
        StoredSigningKey loser = key("race-realm", "kid-loser", SigningAlgorithm.RS256, now);
        assertTrue(repository.insertFirst(winner).toCompletableFuture().get());

        // When another replica offers its own RS256 key, and a third its first ES256 key
        boolean stored = repository.insertFirst(loser).toCompletableFuture().get();
        boolean otherAlg = repository.insertFirst(key("race-realm", "kid-es256", SigningAlgorithm.ES256, now)).toCompletableFuture().get();

        // Then the RS256 insert does nothing, the ES256 one is a key set of its own
        assertFalse(stored);
        assertTrue(otherAlg);
        List<String> kids = repository.findPublished("race-realm", now).toCompletableFuture().get().stream()
                .map(StoredSigningKey::kid).sorted().toList();
        assertEquals(List.of("kid-es256", "kid-winner"), kids);
    }

    @Test
    void replaceCurrentWithoutAKeyOfThatAlgStoresNothing() throws Exception {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        boolean replaced = repository.replaceCurrent(key("race-realm-2", "kid-orphan", SigningAlgorithm.PS256, now))
                .toCompletableFuture().get();

        assertFalse(replaced);
        assertTrue(repository.findPublished("race-realm-2", now).toCompletableFuture().get().isEmpty());
    }

    private static StoredSigningKey key(String realm, String kid, SigningAlgorithm alg, Instant activatesAt) {
        return new StoredSigningKey(kid, realm, alg, "{}", "sealed-" + kid, activatesAt, null);
    }

    @Test
    void jwksWithoutRealmIsAMalformedCall() {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class,
                () -> token.getJwks(GetJwksRequest.getDefaultInstance()).await().atMost(WAIT));

        assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode());
    }

    private TokenResult issueClientToken(String realm) {
        TokenResult result = token.issueClientCredentialsToken(
                TestGrants.clientCredentials(realm, "demo-service").build()).await().atMost(WAIT);
        assertTrue(result.hasTokens());
        return result;
    }

    private String jwks(String realm) {
        return token.getJwks(GetJwksRequest.newBuilder().setRealm(realm).build()).await().atMost(WAIT).getJwksJson();
    }

    private RowSet<Row> rows(String sql, String realm) {
        return pool.preparedQuery(sql).execute(Tuple.of(realm)).await().atMost(WAIT);
    }

    private static void assertPublicOnly(Map<String, Object> jwk) {
        assertEquals("RSA", jwk.get("kty"));
        assertTrue(jwk.containsKey("n") && jwk.containsKey("e"));
        PRIVATE_RSA_PARAMS.forEach(p -> assertFalse(jwk.containsKey(p), "public JWK must not contain " + p));
    }
}
