package dev.arbor.sessionstore.domain.session;

import dev.arbor.sessionstore.domain.InvalidRequestException;
import java.time.Instant;
import java.util.Map;

/**
 * What one node of a tree decided, remembered so a later journey can skip the node while the result is
 * valid (per-node memory): the outcome, the shared state the node wrote, whose result it is, when it was
 * remembered and until when it stands in for the node. Never transient state.
 */
public record NodeResult(String tree, String nodeId, String outcome, Map<String, String> shared, String subject,
                         Instant rememberedAt, Instant expiresAt) {
    public NodeResult {
        if (nodeId == null || nodeId.isBlank()) {
            throw new InvalidRequestException("node result node_id is required");
        }
        if (outcome == null || outcome.isBlank()) {
            throw new InvalidRequestException("node result outcome is required");
        }
        if (rememberedAt == null || expiresAt == null || !expiresAt.isAfter(rememberedAt)) {
            throw new InvalidRequestException("node result expires_at must be after remembered_at");
        }
        tree = tree == null ? "" : tree;
        subject = subject == null ? "" : subject;
        shared = shared == null ? Map.of() : Map.copyOf(shared);
    }

    public boolean validAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /** The same result, expiring no later than {@code latest}: a result never outlives what holds it. */
    public NodeResult expiringNoLaterThan(Instant latest) {
        return expiresAt.isAfter(latest)
                ? new NodeResult(tree, nodeId, outcome, shared, subject, rememberedAt, latest)
                : this;
    }
}
