package dev.arbor.token.port;

import dev.arbor.token.domain.key.StoredSigningKey;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where signing keys live. Per realm and algorithm at most one key is not retired (the current or
 * the next one); see {@link dev.arbor.token.domain.key.KeyLifecycle}.
 */
public interface SigningKeyRepository {

    /** The realm's keys not retired before {@code retiredAfter}, of every algorithm. */
    CompletionStage<List<StoredSigningKey>> findPublished(String realm, Instant retiredAfter);

    /**
     * Stores {@code key} unless the realm already has a key of its algorithm that is not retired
     * (another replica may have won the race); answers whether this key was stored.
     */
    CompletionStage<Boolean> insertFirst(StoredSigningKey key);

    /**
     * In one transaction, serialised per realm and algorithm: retires the key of {@code next}'s
     * algorithm that is not retired at {@code next.activatesAt()} and stores {@code next}. Answers
     * false, storing nothing, when the realm has no key of that algorithm.
     */
    CompletionStage<Boolean> replaceCurrent(StoredSigningKey next);
}
