package dev.arbor.sessionstore.port;

import dev.arbor.sessionstore.domain.session.NodeResult;
import java.util.Optional;

/**
 * Seals a node result (with its realm) under a key only session-store holds, and opens it again.
 * Implementations must authenticate what they seal: a changed value does not open.
 */
public interface NodeResultCipher {
    String seal(String realm, NodeResult result);

    /** Empty when {@code sealed} does not parse, was made with an unknown key or was tampered with. */
    Optional<Sealed> open(String sealed);

    record Sealed(String realm, NodeResult result) {
    }
}
