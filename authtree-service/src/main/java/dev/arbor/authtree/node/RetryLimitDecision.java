package dev.arbor.authtree.node;

import java.util.List;
import java.util.Map;

/**
 * AM "Retry Limit Decision": {@code retry} while this node has been passed fewer than {@code limit} times in
 * the journey, then {@code reject}. The counter lives in the journey's shared state under
 * {@code retries.<nodeId>}, so it survives steps and replicas. It is the only node that may close a loop.
 */
public final class RetryLimitDecision implements Node {
    public static final String TYPE = "RetryLimitDecision";

    /** Typed config: how many retries are allowed. */
    record Config(int limit) {
        static Config parse(Map<String, Object> raw) {
            return new Config(new NodeConfig(raw).positiveInt("limit", 1000));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("retry", "reject");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Action process(NodeContext ctx) {
        Config config = Config.parse(ctx.config());
        String key = "retries." + ctx.nodeId();
        int used = ctx.state().shared(key).map(Integer::parseInt).orElse(0);
        if (used >= config.limit()) {
            return Action.goTo("reject");
        }
        ctx.state().putShared(key, Integer.toString(used + 1));
        return Action.goTo("retry");
    }
}
