package dev.arbor.token.domain.revocation;

import dev.arbor.token.port.RevocationPublisher;
import dev.arbor.token.port.RevocationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RFC 7009 — Token Revocation, the token-service half. A revocation is recorded (so a verifier that
 * starts later can load it, {@link #current(String)}) and then published, so every running verifier
 * adds it to its deny-set. The caller learns of success only after both: a revocation that was
 * acknowledged is durable and on its way to every replica.
 */
public final class RevocationService {

    /** No Arbor access token lives longer (StartupChecks); a longer exp is capped so entries stay bounded. */
    static final Duration MAX_REMEMBERED = Duration.ofDays(1);

    private final RevocationStore store;
    private final RevocationPublisher publisher;
    private final Clock clock;

    public RevocationService(RevocationStore store, RevocationPublisher publisher, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Records and publishes the revocation.
     *
     * @return false when the token has already expired: there is nothing left to revoke
     */
    public CompletionStage<Boolean> revoke(Revocation revocation) {
        Instant now = clock.instant();
        if (!revocation.expiresAt().isAfter(now)) {
            return CompletableFuture.completedFuture(false);
        }
        Duration remaining = Duration.between(now, revocation.expiresAt());
        Duration ttl = remaining.compareTo(MAX_REMEMBERED) > 0 ? MAX_REMEMBERED : remaining;
        return store.save(revocation, ttl)
                .thenCompose(saved -> publisher.publish(revocation, now))
                .thenApply(published -> true);
    }

    /** RFC 6749 §4.1.2: revokes every token issued from a replayed code, one after the other. */
    public CompletionStage<Void> revokeAll(String realm, String clientId, List<AccessTokenId> tokens) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (AccessTokenId token : tokens) {
            chain = chain.thenCompose(done -> revoke(new Revocation(realm, token.jti(), clientId, token.expiresAt()))
                    .thenApply(revoked -> null));
        }
        return chain;
    }

    /** Every revocation still in force, of one realm or (empty realm) of all. */
    public CompletionStage<List<Revocation>> current(String realm) {
        Instant now = clock.instant();
        return store.list().thenApply(all -> all.stream()
                .filter(r -> realm == null || realm.isEmpty() || r.realm().equals(realm))
                .filter(r -> r.expiresAt().isAfter(now))
                .toList());
    }
}
