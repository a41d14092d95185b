package dev.arbor.authtree.domain.journey;

import dev.arbor.authtree.domain.memory.JourneyMemory;
import dev.arbor.authtree.domain.memory.RememberedResult;
import dev.arbor.authtree.domain.tree.NodeMemory;
import dev.arbor.authtree.domain.tree.NodeSpec;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of per-node memory. A remembered result may stand in for node {@code n} when: {@code n} still
 * declares a session or cookie memory and the result comes from that store; it has not expired, neither by
 * its own expiry nor by the node's current ttl (an admin may have shortened it); and it is the journey's
 * subject's — the shared {@code subject} once a node established it, before that the SSO session's.
 */
final class NodeMemoryRules {
    private NodeMemoryRules() {
    }

    static Optional<RememberedResult> find(TreeDefinition tree, String treeName, String nodeId, JourneyMemory memory,
            String subject, Instant now) {
        NodeSpec spec = tree.nodes().get(nodeId);
        if (spec == null || spec.remembering().isEmpty()) {
            return Optional.empty();
        }
        NodeMemory.Store store = spec.remembering().get();
        String forSubject = subject != null ? subject : memory.priorSubject();
        List<RememberedResult> candidates = store == NodeMemory.Store.SESSION
                ? memory.sessionResults() : memory.cookieResults();
        return candidates.stream()
                .filter(r -> r.tree().equals(treeName) && r.nodeId().equals(nodeId))
                .filter(r -> r.validAt(now, forSubject))
                .filter(r -> now.isBefore(r.rememberedAt().plus(spec.remember().ttlDuration())))
                .filter(r -> spec.outcomes().containsKey(r.outcome()))
                .max(Comparator.comparing(RememberedResult::rememberedAt));
    }

    /** The result a node that ran leaves behind: its outcome and the declared keys it wrote that are present. */
    static RememberedResult record(String treeName, String nodeId, NodeSpec spec, String outcome,
            Map<String, String> written, Instant now) {
        return new RememberedResult(treeName, nodeId, outcome, written, null, now,
                now.plus(spec.remember().ttlDuration()));
    }

    static RememberedResult forSubject(RememberedResult r, String subject) {
        return new RememberedResult(r.tree(), r.nodeId(), r.outcome(), r.shared(), subject, r.rememberedAt(),
                r.expiresAt());
    }

    /**
     * The results of the new SSO session: this journey's store=session results, then the old session's
     * results still valid for the same subject that this journey did not replace.
     */
    static List<RememberedResult> sessionResults(JourneyMemory memory, String subject, Instant now) {
        List<RememberedResult> out = new ArrayList<>();
        memory.pendingSession().forEach(r -> out.add(forSubject(r, subject)));
        if (subject.equals(memory.priorSubject())) {
            memory.sessionResults().stream()
                    .filter(r -> r.validAt(now, subject))
                    .filter(r -> out.stream().noneMatch(n -> JourneyMemory.sameNode(n, r)))
                    .forEach(out::add);
        }
        return out;
    }
}
