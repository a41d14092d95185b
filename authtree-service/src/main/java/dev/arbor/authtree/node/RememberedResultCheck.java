package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.memory.RememberedResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Branches on per-node memory: {@code remembered} when node {@code node} of the same tree (which must
 * declare {@code remember}) has a valid remembered result for the journey's subject, and then restores the
 * shared state that node wrote; {@code not_remembered} otherwise. Lets a tree skip the collectors in front
 * of a remembered decision ("password proven 8 h ago: do not ask for it").
 */
public final class RememberedResultCheck implements Node {
    public static final String TYPE = "RememberedResultCheck";

    /** Typed config: the id of the node whose memory is checked. */
    record Config(String node) {
        static Config parse(Map<String, Object> raw) {
            return new Config(new NodeConfig(raw).string("node").map(String::strip).filter(n -> !n.isEmpty())
                    .orElseThrow(() -> new IllegalArgumentException("'node' is required (the id of a node that "
                            + "declares remember)")));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("remembered", "not_remembered");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    /** The checked node id, when the config parses; the validator requires that node to declare memory. */
    public static Optional<String> checkedNode(Map<String, Object> config) {
        try {
            return Optional.of(Config.parse(config).node());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public Action process(NodeContext ctx) {
        Optional<RememberedResult> result = ctx.remembered().find(Config.parse(ctx.config()).node());
        if (result.isEmpty()) {
            return Action.goTo("not_remembered");
        }
        result.get().shared().forEach(ctx.state()::putShared);
        return Action.goTo("remembered");
    }
}
