package dev.arbor.authtree.node;

import java.util.List;
import java.util.Map;

/**
 * Runs another tree of the realm as a part of this one (AM's Inner Tree Evaluator): {@code true} when the
 * inner tree reaches Success, {@code false} when it reaches Failure. The engine inlines the inner tree's
 * nodes when it loads a tree ({@code domain/tree/InnerTrees}), so the inner nodes ask, remember and count
 * like the tree's own; their shared state comes back, their transient state does not
 * ({@link InnerTreeExit}). This node itself only runs when the inner tree could not be inlined (missing,
 * or a tree that would contain itself): then it fails closed with {@code false}.
 */
public final class InnerTree implements Node {
    public static final String TYPE = "InnerTree";
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Typed config: the inner tree's name. */
    public record Config(String tree) {
        public static Config parse(Map<String, Object> raw) {
            String tree = new NodeConfig(raw).string("tree").map(String::strip).orElse("");
            if (!NAME.matcher(tree).matches()) {
                throw new IllegalArgumentException("'tree' must name a tree of the realm");
            }
            return new Config(tree);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("true", "false");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Action process(NodeContext ctx) {
        return Action.goTo("false");
    }
}
