package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.memory.RememberedResult;
import java.util.Optional;

/**
 * The remembered results of the journey's tree that a node may consult (per-node memory). The engine
 * answers only with results that are still valid, declared by the node's current {@code remember}, and
 * belong to the journey's subject (or, before it is known, to the SSO session's).
 */
@FunctionalInterface
public interface RememberedResults {
    RememberedResults NONE = nodeId -> Optional.empty();

    /** The valid remembered result of node {@code nodeId} of the current tree. */
    Optional<RememberedResult> find(String nodeId);
}
