package dev.arbor.authtree.domain.tree;

import dev.arbor.authtree.node.InnerTree;
import dev.arbor.authtree.node.InnerTreeExit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Inlines {@link InnerTree} nodes: the inner tree's nodes become nodes of the outer tree, so the engine
 * walks one graph. For an {@code InnerTree} node {@code N} (outcomes {@code true → A}, {@code false → B}):
 * the inner start node takes the id {@code N} (everything wired to {@code N} now enters the inner tree),
 * every other inner node {@code x} becomes {@code N/x}, and the inner Success and Failure become the exits
 * {@code N/#success → A} and {@code N/#failure → B} ({@link InnerTreeExit}: transient state is dropped).
 * Inner trees are inlined recursively; one that is missing or would contain itself is left as the
 * {@code InnerTree} node, which fails closed.
 */
public final class InnerTrees {
    static final String SUCCESS_EXIT = "#success";
    static final String FAILURE_EXIT = "#failure";

    private InnerTrees() {
    }

    /**
     * @param treeName the outer tree's name (a tree never contains itself)
     * @param lookup   the current definition of a tree of the same realm, by name
     */
    public static TreeDefinition expand(String treeName, TreeDefinition tree,
            Function<String, Optional<TreeDefinition>> lookup) {
        return expand(tree, lookup, new HashSet<>(Set.of(treeName)));
    }

    private static TreeDefinition expand(TreeDefinition tree, Function<String, Optional<TreeDefinition>> lookup,
            Set<String> enclosing) {
        if (tree.nodes().values().stream().noneMatch(n -> InnerTree.TYPE.equals(n.type()))) {
            return tree;
        }
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        tree.nodes().forEach((id, spec) -> {
            Optional<TreeDefinition> inner = innerOf(spec, lookup, enclosing);
            if (inner.isEmpty()) {
                nodes.put(id, spec);
                return;
            }
            Set<String> deeper = new HashSet<>(enclosing);
            deeper.add(InnerTree.Config.parse(spec.config()).tree());
            inline(id, spec, expand(inner.get(), lookup, deeper), nodes);
        });
        return new TreeDefinition(tree.start(), nodes);
    }

    private static Optional<TreeDefinition> innerOf(NodeSpec spec, Function<String, Optional<TreeDefinition>> lookup,
            Set<String> enclosing) {
        if (!InnerTree.TYPE.equals(spec.type())) {
            return Optional.empty();
        }
        String name;
        try {
            name = InnerTree.Config.parse(spec.config()).tree();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return enclosing.contains(name) ? Optional.empty() : lookup.apply(name);
    }

    private static void inline(String id, NodeSpec spec, TreeDefinition inner, Map<String, NodeSpec> into) {
        if (TreeDefinition.isTerminal(inner.start())) { // an inner tree that decides at once: only its exit
            into.put(id, new NodeSpec(InnerTreeExit.TYPE, Map.of("next", spec.outcomes().getOrDefault(
                    TreeDefinition.SUCCESS.equals(inner.start()) ? "true" : "false", TreeDefinition.FAILURE))));
            return;
        }
        Function<String, String> rename = target -> switch (target) {
            case TreeDefinition.SUCCESS -> id + "/" + SUCCESS_EXIT;
            case TreeDefinition.FAILURE -> id + "/" + FAILURE_EXIT;
            default -> target.equals(inner.start()) ? id : id + "/" + target;
        };
        inner.nodes().forEach((innerId, innerSpec) -> {
            Map<String, String> outcomes = new LinkedHashMap<>();
            innerSpec.outcomes().forEach((outcome, target) -> outcomes.put(outcome, rename.apply(target)));
            into.put(rename.apply(innerId), new NodeSpec(innerSpec.type(), outcomes, innerSpec.config(),
                    innerSpec.remember()));
        });
        into.put(id + "/" + SUCCESS_EXIT, new NodeSpec(InnerTreeExit.TYPE,
                Map.of("next", spec.outcomes().getOrDefault("true", TreeDefinition.FAILURE))));
        into.put(id + "/" + FAILURE_EXIT, new NodeSpec(InnerTreeExit.TYPE,
                Map.of("next", spec.outcomes().getOrDefault("false", TreeDefinition.FAILURE))));
    }
}
