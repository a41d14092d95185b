package dev.arbor.authtree.node;

import java.util.List;
import java.util.Set;

/** AM "Username Collector": asks with a {@code NameCallback} and puts the answer into shared state {@code username}. */
public final class UsernameCollector implements Node {
    public static final String TYPE = "UsernameCollector";
    public static final String USERNAME = "username";
    static final String CALLBACK = "NameCallback";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("next");
    }

    @Override
    public Set<String> writes() {
        return Set.of(USERNAME);
    }

    @Override
    public Action process(NodeContext ctx) {
        if (!ctx.hasAnswers()) {
            return Action.send(Callback.prompt(CALLBACK, NodeMessages.get(UsernameCollector.class, "prompt")));
        }
        ctx.state().putShared(USERNAME, ctx.requireInput(CALLBACK).strip());
        return Action.goTo("next");
    }
}
