package dev.arbor.authtree.domain.tree;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a tree before it is stored, so a published tree can never strand a journey: every node type is
 * known, every outcome a node declares is wired, every wire leads to a node of the tree (or a terminal
 * node), and every node is reachable from the start node.
 */
public final class TreeValidator {
    private final NodeCatalog catalog;

    public TreeValidator(NodeCatalog catalog) {
        this.catalog = catalog;
    }

    /** @throws TreeValidationException naming the first fault found */
    public void validate(String treeName, TreeDefinition tree) {
        String prefix = "tree '" + treeName + "': ";
        if (tree.nodes().isEmpty()) {
            throw new TreeValidationException(prefix + "has no nodes");
        }
        if (tree.start() == null || !tree.nodes().containsKey(tree.start())) {
            throw new TreeValidationException(prefix + "start node '" + tree.start() + "' is not a node of the tree");
        }
        for (Map.Entry<String, NodeSpec> entry : tree.nodes().entrySet()) {
            checkNode(prefix, tree, entry.getKey(), entry.getValue());
        }
        Set<String> reachable = reachableFrom(tree);
        for (String id : tree.nodes().keySet()) {
            if (!reachable.contains(id)) {
                throw new TreeValidationException(prefix + "node '" + id + "' is unreachable from start node '"
                        + tree.start() + "'");
            }
        }
    }

    private void checkNode(String prefix, TreeDefinition tree, String id, NodeSpec node) {
        if (TreeDefinition.isTerminal(id)) {
            throw new TreeValidationException(prefix + "node id '" + id + "' is reserved for the terminal node");
        }
        List<String> declared = catalog.outcomesOf(node.type()).orElseThrow(() -> new TreeValidationException(
                prefix + "node '" + id + "' has unknown type '" + node.type() + "'"));
        for (String outcome : declared) {
            if (!node.outcomes().containsKey(outcome)) {
                throw new TreeValidationException(prefix + "node '" + id + "' (" + node.type() + ") outcome '"
                        + outcome + "' is not wired to any node");
            }
        }
        for (Map.Entry<String, String> wire : node.outcomes().entrySet()) {
            if (!declared.contains(wire.getKey())) {
                throw new TreeValidationException(prefix + "node '" + id + "' wires outcome '" + wire.getKey()
                        + "' which type " + node.type() + " does not declare (it declares " + declared + ")");
            }
            String target = wire.getValue();
            if (target == null || !(TreeDefinition.isTerminal(target) || tree.nodes().containsKey(target))) {
                throw new TreeValidationException(prefix + "node '" + id + "' outcome '" + wire.getKey()
                        + "' is wired to unknown node '" + target + "'");
            }
        }
    }

    private static Set<String> reachableFrom(TreeDefinition tree) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(tree.start()));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            NodeSpec node = tree.nodes().get(id);
            if (node != null && seen.add(id)) {
                todo.addAll(node.outcomes().values());
            }
        }
        return seen;
    }
}
