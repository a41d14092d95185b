package dev.arbor.token.domain.key;

import dev.arbor.token.port.KeyMaterial;
import dev.arbor.token.port.SigningKeyRepository;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The signing keys of each realm: one key set per realm and algorithm, created the first time the
 * realm signs with that algorithm, rotated by {@link KeyRotation}.
 *
 * <p>Each replica keeps a snapshot of a realm's keys ({@link RealmKeySet}) and re-reads it every
 * {@link KeyLifecycle#reloadInterval()}; the signing key is picked from the snapshot by time. A
 * rotation made on any replica therefore reaches every replica before its new key activates, with
 * no message between them. Creation of a realm's first key of an algorithm is race-safe across
 * replicas: each offers a key with an insert the database lets only one win, then all read back the
 * winner. Within a replica, concurrent callers share one load and one creation.
 */
public final class SigningKeyService {

    private static final System.Logger LOG = System.getLogger(SigningKeyService.class.getName());

    private final SigningKeyRepository repository;
    private final KeyMaterial keyMaterial;
    private final KeyLifecycle lifecycle;
    private final Clock clock;
    private final ConcurrentMap<String, CompletableFuture<RealmKeySet>> keySets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CompletableFuture<Void>> creations = new ConcurrentHashMap<>();
    /** Decrypted keys by kid: a key never changes, so it is unsealed once per process. */
    private final ConcurrentMap<String, SigningKey> unsealed = new ConcurrentHashMap<>();

    public SigningKeyService(SigningKeyRepository repository, KeyMaterial keyMaterial, KeyLifecycle lifecycle,
            Clock clock) {
        this.repository = repository;
        this.keyMaterial = keyMaterial;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** The key that signs the realm's {@code alg} tokens now, decrypted; created if the realm has none. */
    public CompletionStage<SigningKey> signingKey(String realm, SigningAlgorithm alg) {
        return keySet(realm).thenCompose(set -> {
            Optional<StoredSigningKey> current = set.signingKey(alg, clock.instant());
            return current.isPresent() ? CompletableFuture.completedFuture(current.get()) : createFirst(realm, alg);
        }).thenApply(this::unseal);
    }

    /**
     * RFC 7517 §5: the realm's JWK Set (every published key, public parts only) as JSON. A realm
     * without any key first gets its key of the default algorithm, so a verifier that fetches the JWKS
     * before the realm's first token does not cache an empty set.
     */
    public CompletionStage<String> jwks(String realm) {
        return keySet(realm)
                .thenCompose(set -> set.keys().isEmpty()
                        ? signingKey(realm, SigningAlgorithm.DEFAULT).thenCompose(created -> keySet(realm))
                        : CompletableFuture.completedFuture(set))
                .thenApply(set -> set.jwks(lifecycle, clock.instant()));
    }

    /** The realm's published keys as this replica knows them (at most one reload interval old). */
    public CompletionStage<RealmKeySet> keySet(String realm) {
        Instant now = clock.instant();
        CompletableFuture<RealmKeySet> current = keySets.get(realm);
        if (current != null && (!current.isDone() || isFresh(current, now))) {
            return current;
        }
        CompletableFuture<RealmKeySet> mine = new CompletableFuture<>();
        boolean started = current == null ? keySets.putIfAbsent(realm, mine) == null
                : keySets.replace(realm, current, mine);
        if (!started) {
            return keySet(realm); // another caller started the load first: share it
        }
        load(realm, now).whenComplete((set, failure) -> {
            if (failure == null) {
                mine.complete(set);
            } else if (current != null && isUsable(current)) {
                // The database is unreachable: keep signing from the last snapshot (it is stale, so the
                // next call tries the database again); its keys' timestamps still say which one signs.
                LOG.log(Level.WARNING, "Could not reload the keys of realm {0}; using the previous snapshot", realm);
                mine.complete(current.join());
            } else {
                keySets.remove(realm, mine); // the next call tries again
                mine.completeExceptionally(failure);
            }
        });
        return mine;
    }

    /** Drops this replica's snapshot of the realm, so the next call reads the database. */
    public void forget(String realm) {
        keySets.remove(realm);
    }

    public KeyLifecycle lifecycle() {
        return lifecycle;
    }

    private boolean isFresh(CompletableFuture<RealmKeySet> future, Instant now) {
        return isUsable(future) && now.isBefore(future.join().loadedAt().plus(lifecycle.reloadInterval()));
    }

    private static boolean isUsable(CompletableFuture<RealmKeySet> future) {
        return future.isDone() && !future.isCompletedExceptionally();
    }

    private CompletionStage<RealmKeySet> load(String realm, Instant now) {
        return repository.findPublished(realm, now.minus(lifecycle.retention()))
                .thenApply(keys -> new RealmKeySet(realm, keys, now));
    }

    private CompletionStage<StoredSigningKey> createFirst(String realm, SigningAlgorithm alg) {
        String name = realm + "/" + alg.jwsName();
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> existing = creations.putIfAbsent(name, mine);
        CompletableFuture<Void> creation = existing != null ? existing : mine;
        if (existing == null) {
            insertFirst(realm, alg).whenComplete((stored, failure) -> {
                creations.remove(name, mine);
                if (failure == null) {
                    mine.complete(null);
                } else {
                    mine.completeExceptionally(failure);
                }
            });
        }
        return creation.thenCompose(created -> keySet(realm))
                .thenApply(set -> set.signingKey(alg, clock.instant()).orElseThrow(
                        () -> new IllegalStateException("No " + alg.jwsName() + " key for realm " + realm
                                + " after insert")));
    }

    private CompletionStage<Void> insertFirst(String realm, SigningAlgorithm alg) {
        return keyMaterial.generate(alg)
                .thenCompose(generated -> repository.insertFirst(seal(generated, realm, clock.instant())))
                .thenAccept(inserted -> {
                    LOG.log(Level.INFO, inserted
                            ? "Created the first {1} signing key of realm {0}"
                            : "Realm {0} got its first {1} signing key from another replica", realm, alg.jwsName());
                    forget(realm);
                });
    }

    /** The generated key as stored: its private JWK sealed, signing from {@code activatesAt}. */
    StoredSigningKey seal(GeneratedKey generated, String realm, Instant activatesAt) {
        return new StoredSigningKey(generated.kid(), realm, generated.alg(), generated.publicJwk(),
                keyMaterial.seal(generated.privateJwk()), activatesAt, null);
    }

    private SigningKey unseal(StoredSigningKey stored) {
        return unsealed.computeIfAbsent(stored.kid(), kid -> new SigningKey(kid, stored.realm(), stored.alg(),
                keyMaterial.unseal(stored.sealedPrivateJwk())));
    }
}
