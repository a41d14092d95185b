package dev.arbor.token.port;

import dev.arbor.token.domain.key.StoredSigningKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where signing keys live. At most one key per realm is active. */
public interface SigningKeyRepository {

    CompletionStage<Optional<StoredSigningKey>> findActive(String realm);

    /**
     * Stores {@code key} as the realm's active key unless the realm already has one (another replica
     * may have won the race); answers whether this key was stored.
     */
    CompletionStage<Boolean> insertIfNoActive(StoredSigningKey key);

    /** The public JWKs (JSON objects) a verifier of this realm's tokens should accept. */
    CompletionStage<List<String>> publicJwks(String realm);
}
