package dev.arbor.authtree.node;

import java.util.List;

/**
 * The node seam, after ForgeRock AM's node API ({@code Action process(TreeContext)}): a node reads the
 * journey's state and the callbacks the client answered, and returns an {@link Action}. Nodes hold no
 * per-journey state; whatever they learn goes into {@link NodeState} through the context.
 */
public interface Node {
    /** The type name trees use, e.g. {@code UsernameCollector}. */
    String type();

    /** The outcomes this node can take; a valid tree wires each of them. */
    List<String> outcomes();

    Action process(NodeContext ctx);
}
