package dev.arbor.authtree.domain.memory;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A node's result kept by per-node memory ({@code remember: {store, ttl}}): the outcome the node took, the
 * shared state it wrote, whose result it is and until when it may stand in for running the node again.
 * Never transient state: a remembered result holds no secret a node was given.
 */
public record RememberedResult(String tree, String nodeId, String outcome, Map<String, String> shared,
        String subject, Instant rememberedAt, Instant expiresAt) {
    public RememberedResult {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(outcome, "outcome");
        shared = shared == null ? Map.of() : Map.copyOf(shared);
        Objects.requireNonNull(rememberedAt, "rememberedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True while the result may stand in for the node, for the given subject (null: not yet known). */
    public boolean validAt(Instant now, String forSubject) {
        return now.isBefore(expiresAt) && (forSubject == null || forSubject.equals(subject));
    }
}
