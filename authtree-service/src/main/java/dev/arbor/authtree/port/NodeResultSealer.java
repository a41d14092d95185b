package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.memory.RememberedResult;
import java.util.Optional;

/**
 * Per-node memory with store {@code cookie}: session-store seals a result with a key only it holds
 * ({@code SealNodeResult}) and opens it again ({@code UnsealNodeResult}). authtree never sees the key.
 */
public interface NodeResultSealer {
    /** @return an opaque value for the node's cookie */
    String seal(String realm, RememberedResult result);

    /**
     * The result inside {@code sealed}; empty when it was tampered with, belongs to another realm, has
     * expired, or its subject logged out after it was sealed.
     */
    Optional<RememberedResult> unseal(String realm, String sealed);
}
