package dev.arbor.authtree.domain.tree;

import dev.arbor.authtree.node.InnerTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a tree before it is stored, so a published tree can never strand a journey. It reports EVERY
 * problem at once: unknown node types, bad node config, outcomes wired nowhere or to unknown nodes,
 * unreachable nodes, a loop that passes through no retry guard (it could spin until the step limit), and
 * a node reading a state key that no upstream node writes, a bad {@code remember} declaration, and a
 * memory check of a node that declares no memory.
 */
public final class TreeValidator {
    private final NodeCatalog catalog;

    public TreeValidator(NodeCatalog catalog) {
        this.catalog = catalog;
    }

    /** @throws TreeValidationException listing every fault found */
    public void validate(String treeName, TreeDefinition tree) {
        List<String> problems = problems(treeName, tree);
        if (!problems.isEmpty()) {
            throw new TreeValidationException(problems);
        }
    }

    public List<String> problems(String treeName, TreeDefinition tree) {
        String prefix = "tree '" + treeName + "': ";
        List<String> problems = new ArrayList<>();
        if (tree.nodes().isEmpty()) {
            return List.of(prefix + "has no nodes");
        }
        if (tree.start() == null || !tree.nodes().containsKey(tree.start())) {
            return List.of(prefix + "start node '" + tree.start() + "' is not a node of the tree");
        }
        tree.nodes().forEach((id, node) -> checkNode(prefix, tree, id, node, problems));
        if (!problems.isEmpty()) {
            return problems; // the graph checks below need well-formed wiring
        }
        Set<String> reachable = reachableFrom(tree, tree.start(), Set.of());
        for (String id : tree.nodes().keySet()) {
            if (!reachable.contains(id)) {
                problems.add(prefix + "node '" + id + "' is unreachable from start node '" + tree.start() + "'");
            }
        }
        checkLoops(prefix, tree, problems);
        checkStateFlow(prefix, tree, problems);
        return problems;
    }

    private void checkNode(String prefix, TreeDefinition tree, String id, NodeSpec node, List<String> problems) {
        if (TreeDefinition.isTerminal(id)) {
            problems.add(prefix + "node id '" + id + "' is reserved for the terminal node");
            return;
        }
        Optional<List<String>> outcomes = catalog.outcomesOf(node.type(), node.config());
        if (outcomes.isEmpty()) {
            problems.add(prefix + "node '" + id + "' has unknown type '" + node.type() + "'");
            return;
        }
        for (String problem : catalog.configProblems(node.type(), node.config())) {
            problems.add(prefix + "node '" + id + "' (" + node.type() + ") has bad config: " + problem);
        }
        if (node.remember() != null) {
            for (String problem : node.remember().problems()) {
                problems.add(prefix + "node '" + id + "' (" + node.type() + ") has bad memory: " + problem);
            }
        }
        catalog.checksMemoryOf(node.type(), node.config()).ifPresent(target -> {
            NodeSpec checked = tree.nodes().get(target);
            if (checked == null) {
                problems.add(prefix + "node '" + id + "' (" + node.type() + ") checks the memory of unknown node '"
                        + target + "'");
            } else if (checked.remembering().isEmpty()) {
                problems.add(prefix + "node '" + id + "' (" + node.type() + ") checks the memory of node '" + target
                        + "', which declares no remember {store: session|cookie, ttl}");
            }
        });
        List<String> declared = outcomes.get();
        for (String outcome : declared) {
            if (!node.outcomes().containsKey(outcome)) {
                problems.add(prefix + "node '" + id + "' (" + node.type() + ") outcome '" + outcome
                        + "' is not wired to any node");
            }
        }
        for (Map.Entry<String, String> wire : node.outcomes().entrySet()) {
            if (!declared.contains(wire.getKey())) {
                problems.add(prefix + "node '" + id + "' wires outcome '" + wire.getKey() + "' which type "
                        + node.type() + " does not declare (it declares " + declared + ")");
                continue;
            }
            String target = wire.getValue();
            if (target == null || !(TreeDefinition.isTerminal(target) || tree.nodes().containsKey(target))) {
                problems.add(prefix + "node '" + id + "' outcome '" + wire.getKey() + "' is wired to unknown node '"
                        + target + "'");
            }
        }
    }

    /**
     * A cycle in the graph left after removing every retry guard is a loop nothing bounds. A depth-first
     * walk from the start reports the outcome that closes each such cycle (a back edge) once.
     */
    private void checkLoops(String prefix, TreeDefinition tree, List<String> problems) {
        walk(prefix, tree, tree.start(), new LinkedHashSet<>(), new HashSet<>(), problems);
    }

    private void walk(String prefix, TreeDefinition tree, String id, Set<String> onPath, Set<String> done,
            List<String> problems) {
        NodeSpec node = tree.nodes().get(id);
        if (node == null || catalog.guardsLoops(node.type()) || done.contains(id)) {
            return;
        }
        onPath.add(id);
        for (Map.Entry<String, String> wire : node.outcomes().entrySet()) {
            if (onPath.contains(wire.getValue())) {
                problems.add(prefix + "node '" + id + "' outcome '" + wire.getKey()
                        + "' closes a loop with no retry guard (add a RetryLimitDecision node to the loop)");
            } else {
                walk(prefix, tree, wire.getValue(), onPath, done, problems);
            }
        }
        onPath.remove(id);
        done.add(id);
    }

    /** Every key a node reads must be written by a node from which it can be reached. */
    private void checkStateFlow(String prefix, TreeDefinition tree, List<String> problems) {
        Map<String, Set<String>> upstream = new HashMap<>();
        for (String id : tree.nodes().keySet()) {
            for (String downstream : reachableFrom(tree, id, Set.of())) {
                if (!downstream.equals(id) || loopsBack(tree, id)) {
                    upstream.computeIfAbsent(downstream, k -> new LinkedHashSet<>()).add(id);
                }
            }
        }
        tree.nodes().forEach((id, node) -> {
            Set<String> written = new HashSet<>();
            for (String writer : upstream.getOrDefault(id, Set.of())) {
                written.addAll(writes(tree, tree.nodes().get(writer)));
            }
            boolean afterInnerTree = upstream.getOrDefault(id, Set.of()).stream()
                    .anyMatch(writer -> InnerTree.TYPE.equals(tree.nodes().get(writer).type()));
            if (afterInnerTree) {
                return; // an inner tree writes what its own nodes write; it is validated on its own
            }
            for (String key : catalog.reads(node.type(), node.config())) {
                if (!written.contains(key)) {
                    problems.add(prefix + "node '" + id + "' (" + node.type() + ") reads state '" + key
                            + "' that no upstream node writes");
                }
            }
        });
    }

    /** A memory check restores what the node it checks writes. */
    private Set<String> writes(TreeDefinition tree, NodeSpec node) {
        Set<String> keys = new HashSet<>(catalog.writes(node.type(), node.config()));
        catalog.checksMemoryOf(node.type(), node.config()).map(tree.nodes()::get)
                .ifPresent(checked -> keys.addAll(catalog.writes(checked.type(), checked.config())));
        return keys;
    }

    private static boolean loopsBack(TreeDefinition tree, String id) {
        return tree.nodes().get(id).outcomes().values().stream()
                .anyMatch(next -> reachableFrom(tree, next, Set.of()).contains(id));
    }

    /** Node ids reachable from {@code from} (inclusive) without passing through {@code blocked}. */
    private static Set<String> reachableFrom(TreeDefinition tree, String from, Set<String> blocked) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            NodeSpec node = tree.nodes().get(id);
            if (node != null && !blocked.contains(id) && seen.add(id)) {
                todo.addAll(node.outcomes().values());
            }
        }
        return seen;
    }
}
