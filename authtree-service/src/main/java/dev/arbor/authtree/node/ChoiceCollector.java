package dev.arbor.authtree.node;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AM "Choice Collector": asks with a {@code ChoiceCallback} (outputs {@code prompt}, {@code choices},
 * {@code defaultChoice}; the input is the chosen index) and leaves through the outcome named after the
 * choice. The outcomes are the configured {@code choices}; the choice is also written to shared {@code choice}.
 */
public final class ChoiceCollector implements Node {
    public static final String TYPE = "ChoiceCollector";
    public static final String CHOICE = "choice";
    static final String CALLBACK = "ChoiceCallback";

    /** Typed config: the choices (also the outcomes), the default index and an optional prompt. */
    record Config(List<String> choices, int defaultChoice, String prompt) {
        static Config parse(Map<String, Object> raw) {
            NodeConfig c = new NodeConfig(raw);
            List<String> choices = c.strings("choices");
            int defaultChoice = c.string("defaultChoice").map(String::strip).map(d -> {
                int i = choices.indexOf(d);
                if (i < 0) {
                    throw new IllegalArgumentException("'defaultChoice' must be one of the choices");
                }
                return i;
            }).orElse(0);
            String prompt = c.string("prompt").orElse(NodeMessages.get(ChoiceCollector.class, "prompt"));
            return new Config(choices, defaultChoice, prompt);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Without config there are no outcomes; a tree always configures the choices. */
    @Override
    public List<String> outcomes() {
        return List.of();
    }

    @Override
    public List<String> outcomes(Map<String, Object> config) {
        return Config.parse(config).choices();
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Set<String> writes() {
        return Set.of(CHOICE);
    }

    @Override
    public Action process(NodeContext ctx) {
        Config config = Config.parse(ctx.config());
        if (!ctx.hasAnswers()) {
            return Action.send(new Callback(CALLBACK, List.of(new Callback.Field("prompt", config.prompt()),
                    new Callback.Field("choices", config.choices()),
                    new Callback.Field("defaultChoice", config.defaultChoice())), Integer.toString(config.defaultChoice())));
        }
        String input = ctx.requireInput(CALLBACK).strip();
        int index;
        try {
            index = Integer.parseInt(input);
        } catch (NumberFormatException e) {
            throw new MissingInputException("ChoiceCallback input must be the index of a choice");
        }
        if (index < 0 || index >= config.choices().size()) {
            throw new MissingInputException("ChoiceCallback input must be the index of a choice");
        }
        String choice = config.choices().get(index);
        ctx.state().putShared(CHOICE, choice);
        return Action.goTo(choice);
    }
}
