package dev.arbor.token.domain.key;

import dev.arbor.token.port.KeyMaterial;
import dev.arbor.token.port.SigningKeyRepository;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One active signing key per realm, created the first time the realm needs one.
 *
 * <p>Creation is race-safe across replicas: each replica that finds no key generates one and offers
 * it with an insert that the unique "one active key per realm" index lets only one replica win;
 * every replica then reads back the winner. Within a replica, concurrent callers share one lookup.
 * Decrypted keys are cached in memory for the life of the process; key rotation (not part of the
 * skeleton) will have to retire keys through this service so the cache follows.
 */
public final class SigningKeyService {

    private static final System.Logger LOG = System.getLogger(SigningKeyService.class.getName());

    private final SigningKeyRepository repository;
    private final KeyMaterial keyMaterial;
    private final ConcurrentMap<String, CompletableFuture<SigningKey>> activeKeys = new ConcurrentHashMap<>();

    public SigningKeyService(SigningKeyRepository repository, KeyMaterial keyMaterial) {
        this.repository = repository;
        this.keyMaterial = keyMaterial;
    }

    /** The realm's active key, decrypted. */
    public CompletionStage<SigningKey> activeKey(String realm) {
        CompletableFuture<SigningKey> mine = new CompletableFuture<>();
        CompletableFuture<SigningKey> existing = activeKeys.putIfAbsent(realm, mine);
        if (existing != null) {
            return existing;
        }
        loadOrCreate(realm).whenComplete((key, failure) -> {
            if (failure != null) {
                activeKeys.remove(realm, mine); // a later call tries again
                mine.completeExceptionally(failure);
            } else {
                mine.complete(key);
            }
        });
        return mine;
    }

    /** RFC 7517 §5: the realm's JWK Set, public parts only, as JSON. */
    public CompletionStage<String> jwks(String realm) {
        return activeKey(realm)
                .thenCompose(key -> repository.publicJwks(realm))
                .thenApply(keys -> "{\"keys\":[" + String.join(",", keys) + "]}");
    }

    private CompletionStage<SigningKey> loadOrCreate(String realm) {
        return repository.findActive(realm)
                .thenCompose(found -> found.isPresent()
                        ? CompletableFuture.completedFuture(found.get())
                        : create(realm))
                .thenApply(stored -> new SigningKey(stored.kid(), stored.realm(), stored.alg(),
                        keyMaterial.unseal(stored.sealedPrivateJwk())));
    }

    private CompletionStage<StoredSigningKey> create(String realm) {
        return keyMaterial.generate()
                .thenCompose(generated -> repository.insertIfNoActive(new StoredSigningKey(generated.kid(), realm,
                        generated.alg(), generated.publicJwk(), keyMaterial.seal(generated.privateJwk()))))
                .thenCompose(inserted -> {
                    LOG.log(Level.INFO, inserted
                            ? "Created the signing key of realm {0}"
                            : "Realm {0} got its signing key from another replica", realm);
                    return repository.findActive(realm);
                })
                .thenApply(found -> found.orElseThrow(
                        () -> new IllegalStateException("No active signing key for realm " + realm + " after insert")));
    }
}
