package dev.arbor.authtree.node;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node seam, after ForgeRock AM's node API ({@code Action process(TreeContext)}): a node reads the
 * journey's state, its config and the callbacks the client answered, and returns an {@link Action}. Nodes
 * hold no per-journey state; whatever they learn goes into {@link NodeState} through the context.
 */
public interface Node {
    /** The type name trees use, e.g. {@code UsernameCollector}. */
    String type();

    /** The outcomes this node can take; a valid tree wires each of them. */
    List<String> outcomes();

    /** The outcomes of a node with {@code config} (a node whose exits are configured overrides this). */
    default List<String> outcomes(Map<String, Object> config) {
        return outcomes();
    }

    /** What is wrong with {@code config}; empty when the node's typed config parses. */
    default List<String> configProblems(Map<String, Object> config) {
        return List.of();
    }

    /** State keys this node reads; the validator checks an upstream node writes each. */
    default Set<String> reads() {
        return Set.of();
    }

    /** State keys this node writes. */
    default Set<String> writes() {
        return Set.of();
    }

    /** State keys a node with {@code config} reads (a node whose config decides it overrides this). */
    default Set<String> reads(Map<String, Object> config) {
        return reads();
    }

    /** State keys a node with {@code config} writes. */
    default Set<String> writes(Map<String, Object> config) {
        return writes();
    }

    /**
     * The authentication method (RFC 8176 {@code amr} value) this node proved when it left through
     * {@code outcome}, e.g. {@code pwd} for a right password; empty for nodes that prove nothing.
     */
    default java.util.Optional<String> amr(String outcome) {
        return java.util.Optional.empty();
    }

    Action process(NodeContext ctx);
}
