package dev.arbor.token.domain.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import dev.arbor.token.domain.token.IssuedTokens;
import dev.arbor.token.domain.token.TokenIssuer;
import dev.arbor.token.domain.token.TokenLifetimes;
import dev.arbor.token.domain.token.TokenRequest;
import dev.arbor.token.port.JwtSigner;
import dev.arbor.token.port.KeyMaterial;
import dev.arbor.token.port.SigningKeyRepository;
import dev.arbor.token.support.JwksVerifier;
import dev.arbor.token.support.ManualClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Rotation by timestamps over the real database: a new key is published at once, signs only from
 * its activation, and the old key stays published until every token it signed has expired. Time is
 * a {@link ManualClock}; two {@link SigningKeyService}s over the same database play two replicas.
 */
@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class KeyRotationTest {

    private static final Duration PUBLISH_AHEAD = Duration.ofMinutes(7);
    private static final Duration RETENTION = Duration.ofMinutes(61);
    private static final Duration RELOAD = Duration.ofSeconds(30);
    private static final KeyLifecycle LIFECYCLE = new KeyLifecycle(PUBLISH_AHEAD, RETENTION, RELOAD);

    @Inject
    SigningKeyRepository repository;

    @Inject
    KeyMaterial keyMaterial;

    @Inject
    JwtSigner signer;

    private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void rotateThenNewKeyPublishedAtOnceSignsFromActivationAndOldKeyLeavesAfterRetention() throws Exception {
        // Given a realm signing ES256 with its first key
        Replica replica = new Replica();
        String old = replica.sign("rot-life", SigningAlgorithm.ES256);

        // When the key is rotated
        List<RotatedKey> rotated = get(replica.rotation.rotate("rot-life", Optional.of(SigningAlgorithm.ES256)));

        // Then the new key is in the JWKS at once, but the old key keeps signing until the activation
        assertEquals(1, rotated.size());
        String next = rotated.get(0).kid();
        assertEquals(clock.instant().plus(PUBLISH_AHEAD), rotated.get(0).activatesAt());
        assertEquals(Set.of(old, next), replica.published("rot-life"));
        assertEquals(old, replica.sign("rot-life", SigningAlgorithm.ES256));
        clock.advance(PUBLISH_AHEAD.minusSeconds(1));
        String lastOfOld = replica.signVerified("rot-life", SigningAlgorithm.ES256);
        assertEquals(old, JwksVerifier.kid(lastOfOld));

        // Then from the activation the new key signs, and the old one is still published
        clock.advance(Duration.ofSeconds(1));
        assertEquals(next, JwksVerifier.kid(replica.signVerified("rot-life", SigningAlgorithm.ES256)));
        assertEquals(Set.of(old, next), replica.published("rot-life"));
        new JwksVerifier(get(replica.keys.jwks("rot-life"))).verify(lastOfOld, "at+jwt", issuer("rot-life"), "rp");

        // Then the old key leaves the JWKS once the retention after its retirement has passed
        clock.advance(RETENTION.minusSeconds(1));
        assertEquals(Set.of(old, next), replica.published("rot-life"));
        clock.advance(RELOAD);
        assertEquals(Set.of(next), replica.published("rot-life"));
    }

    @Test
    void rotationOnOneReplicaReachesTheOtherWithinTheReloadIntervalWithoutMessages() throws Exception {
        // Given two replicas over the same database, both signing with the realm's first RS256 key
        Replica one = new Replica();
        Replica two = new Replica();
        String old = one.sign("rot-two", SigningAlgorithm.RS256);
        assertEquals(old, two.sign("rot-two", SigningAlgorithm.RS256));

        // When replica one rotates
        String next = get(one.rotation.rotate("rot-two", Optional.empty())).get(0).kid();

        // Then replica two, still on its snapshot, learns of the new key within one reload interval
        assertFalse(two.published("rot-two").contains(next), "replica two serves its snapshot until the reload");
        clock.advance(RELOAD);
        assertEquals(Set.of(old, next), two.published("rot-two"));
        assertEquals(old, two.sign("rot-two", SigningAlgorithm.RS256));

        // Then both switch to the new key at its activation
        clock.advance(PUBLISH_AHEAD.minus(RELOAD));
        assertEquals(next, one.sign("rot-two", SigningAlgorithm.RS256));
        assertEquals(next, two.sign("rot-two", SigningAlgorithm.RS256));
    }

    @Test
    void rotateWithoutAlgRotatesEveryAlgTheRealmHasKeysFor() throws Exception {
        Replica replica = new Replica();
        replica.sign("rot-all", SigningAlgorithm.RS256);
        replica.sign("rot-all", SigningAlgorithm.EdDSA);

        List<RotatedKey> rotated = get(replica.rotation.rotate("rot-all", Optional.empty()));

        assertEquals(Set.of(SigningAlgorithm.RS256, SigningAlgorithm.EdDSA),
                rotated.stream().map(RotatedKey::alg).collect(Collectors.toSet()));
        assertEquals(4, replica.published("rot-all").size());
        assertTrue(get(replica.rotation.rotate("rot-none", Optional.empty())).isEmpty(), "a realm without keys");
    }

    @Test
    void rotatingAnAlgTheRealmHasNoKeyForCreatesItsFirstKeyActiveAtOnce() throws Exception {
        Replica replica = new Replica();

        RotatedKey first = get(replica.rotation.rotate("rot-first", Optional.of(SigningAlgorithm.PS256))).get(0);

        assertEquals(clock.instant(), first.activatesAt());
        assertEquals(first.kid(), replica.sign("rot-first", SigningAlgorithm.PS256));
    }

    @Test
    void concurrentRotationsOnTwoReplicasChainInsteadOfFailing() throws Exception {
        // Given a realm with its first key
        Replica one = new Replica();
        Replica two = new Replica();
        one.sign("rot-race", SigningAlgorithm.RS256);

        // When both replicas rotate at the same moment
        var first = one.rotation.rotate("rot-race", Optional.of(SigningAlgorithm.RS256)).toCompletableFuture();
        var second = two.rotation.rotate("rot-race", Optional.of(SigningAlgorithm.RS256)).toCompletableFuture();
        CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

        // Then both succeed, three keys are published and exactly one of them is not retired
        assertNotEquals(first.get().get(0).kid(), second.get().get(0).kid());
        List<StoredSigningKey> keys = get(repository.findPublished("rot-race", Instant.EPOCH));
        assertEquals(3, keys.size());
        assertEquals(1, keys.stream().filter(k -> !k.isRetired()).count());
    }

    private static <T> T get(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static String issuer(String realm) {
        return "https://id.example.test/realms/" + realm;
    }

    /** One token-service replica: its own key cache, rotation and issuer over the shared database. */
    private final class Replica {
        final SigningKeyService keys = new SigningKeyService(repository, keyMaterial, LIFECYCLE, clock);
        final KeyRotation rotation = new KeyRotation(keys, repository, keyMaterial, clock);
        final TokenIssuer issuer = new TokenIssuer(keys, signer,
                new TokenLifetimes(Duration.ofMinutes(5), Duration.ofMinutes(5)), clock, new SecureRandom());

        /** The kid of a fresh access token. */
        String sign(String realm, SigningAlgorithm alg) throws Exception {
            return JwksVerifier.kid(token(realm, alg).accessToken());
        }

        /** A fresh access token, verified against this replica's JWKS. */
        String signVerified(String realm, SigningAlgorithm alg) throws Exception {
            String jwt = token(realm, alg).accessToken();
            new JwksVerifier(get(keys.jwks(realm))).verify(jwt, "at+jwt", issuer(realm), "rp");
            assertEquals(alg.jwsName(), JwksVerifier.header(jwt, "alg"));
            return jwt;
        }

        Set<String> published(String realm) throws Exception {
            return get(keys.keySet(realm)).keys().stream()
                    .filter(k -> LIFECYCLE.isPublished(k, clock.instant()))
                    .map(StoredSigningKey::kid)
                    .collect(Collectors.toSet());
        }

        private IssuedTokens token(String realm, SigningAlgorithm alg) throws Exception {
            return get(issuer.issue(new TokenRequest(realm, issuer(realm), "rp", List.of("api"), "", null, 0), alg));
        }
    }
}
