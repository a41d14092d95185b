package dev.arbor.token.domain.key;

import dev.arbor.token.port.KeyMaterial;
import dev.arbor.token.port.SigningKeyRepository;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Rotates a realm's signing keys (RFC 7517 §5: a verifier finds the new key in the JWK Set before
 * it meets a token signed with it). The new key is published at once and signs from
 * {@code now + publishAhead}; the current key signs until then and is retired at that instant, which
 * every replica reads from the rows. Until a realm has a key of the algorithm, "rotating" creates
 * its first key, active at once.
 */
public final class KeyRotation {

    private static final System.Logger LOG = System.getLogger(KeyRotation.class.getName());

    private final SigningKeyService keys;
    private final SigningKeyRepository repository;
    private final KeyMaterial keyMaterial;
    private final Clock clock;

    public KeyRotation(SigningKeyService keys, SigningKeyRepository repository, KeyMaterial keyMaterial,
            Clock clock) {
        this.keys = keys;
        this.repository = repository;
        this.keyMaterial = keyMaterial;
        this.clock = clock;
    }

    /**
     * Rotates the keys of {@code alg}, or, when empty, of every algorithm the realm has keys for.
     *
     * @return the new keys; empty when the realm has no keys and no algorithm was named
     */
    public CompletionStage<List<RotatedKey>> rotate(String realm, Optional<SigningAlgorithm> alg) {
        keys.forget(realm);
        return keys.keySet(realm)
                .thenCompose(set -> {
                    List<SigningAlgorithm> algs = alg.map(List::of).orElseGet(() -> List.copyOf(set.algorithms()));
                    CompletionStage<List<RotatedKey>> done = CompletableFuture.completedFuture(new ArrayList<>());
                    for (SigningAlgorithm each : algs) {
                        done = done.thenCompose(rotated -> rotateOne(realm, each).thenApply(key -> {
                            rotated.add(key);
                            return rotated;
                        }));
                    }
                    return done;
                })
                .whenComplete((rotated, failure) -> keys.forget(realm))
                .thenApply(List::copyOf);
    }

    private CompletionStage<RotatedKey> rotateOne(String realm, SigningAlgorithm alg) {
        return keyMaterial.generate(alg).thenCompose(generated -> {
            Instant now = clock.instant();
            StoredSigningKey next = keys.seal(generated, realm, now.plus(keys.lifecycle().publishAhead()));
            return repository.replaceCurrent(next).thenCompose(replaced -> {
                if (replaced) {
                    LOG.log(Level.INFO, "Rotated the {1} key of realm {0}: {2} signs from {3}",
                            realm, alg.jwsName(), next.kid(), next.activatesAt());
                    return CompletableFuture.completedFuture(new RotatedKey(next.kid(), alg, next.activatesAt()));
                }
                StoredSigningKey first = keys.seal(generated, realm, now);
                return repository.insertFirst(first).thenCompose(inserted -> inserted
                        ? CompletableFuture.completedFuture(new RotatedKey(first.kid(), alg, first.activatesAt()))
                        : rotateOne(realm, alg)); // another replica created the first key meanwhile
            });
        });
    }
}
