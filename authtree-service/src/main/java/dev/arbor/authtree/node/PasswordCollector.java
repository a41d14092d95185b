package dev.arbor.authtree.node;

import java.util.List;
import java.util.Set;

/**
 * AM "Password Collector": asks with a {@code PasswordCallback} and puts the answer into TRANSIENT state
 * {@code password}, which is never persisted (AM: {@code NodeState.putTransient}).
 */
public final class PasswordCollector implements Node {
    public static final String TYPE = "PasswordCollector";
    public static final String PASSWORD = "password";
    static final String CALLBACK = "PasswordCallback";

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
        return Set.of(PASSWORD);
    }

    @Override
    public Action process(NodeContext ctx) {
        if (!ctx.hasAnswers()) {
            return Action.send(Callback.prompt(CALLBACK, NodeMessages.get(PasswordCollector.class, "prompt")));
        }
        ctx.state().putTransient(PASSWORD, ctx.requireInput(CALLBACK));
        return Action.goTo("next");
    }
}
