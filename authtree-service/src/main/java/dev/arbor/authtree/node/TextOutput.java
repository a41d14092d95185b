package dev.arbor.authtree.node;

import java.util.List;
import java.util.Map;

/**
 * Shows a message with a read-only {@code TextOutputCallback} ({@code messageType} 0 information,
 * 1 warning, 2 error, as AM) and continues through {@code next} when the client posts the step back.
 * Config {@code message} is the text, or a key of this node's message bundle.
 */
public final class TextOutput implements Node {
    public static final String TYPE = "TextOutput";
    static final String CALLBACK = "TextOutputCallback";

    /** Typed config: the text and its severity. */
    record Config(String message, int messageType) {
        static Config parse(Map<String, Object> raw) {
            NodeConfig c = new NodeConfig(raw);
            String message = c.string("message").filter(m -> !m.isBlank())
                    .orElseThrow(() -> new IllegalArgumentException("'message' is required"));
            String type = c.string("messageType").orElse("INFORMATION");
            int level = switch (type) {
                case "INFORMATION" -> 0;
                case "WARNING" -> 1;
                case "ERROR" -> 2;
                default -> throw new IllegalArgumentException("'messageType' must be INFORMATION, WARNING or ERROR");
            };
            return new Config(message, level);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("next");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Action process(NodeContext ctx) {
        return DisplayStep.showThenNext(ctx, CALLBACK, () -> {
            Config config = Config.parse(ctx.config());
            String text = NodeMessages.has(TextOutput.class, config.message())
                    ? NodeMessages.get(TextOutput.class, config.message(), ctx.locale()) : config.message();
            return List.of(new Callback.Field("message", text),
                    new Callback.Field("messageType", Integer.toString(config.messageType())));
        });
    }
}
