package dev.arbor.authtree.node;

import java.util.List;
import java.util.Set;

/**
 * Asks for a one-time password the way AM's "OTP Collector Decision" node does: a {@code PasswordCallback}
 * with the prompt "One Time Password" (the code is masked like a password). The answer goes into TRANSIENT
 * state {@code oneTimePassword} (AM's key), so it is never persisted; {@link TotpDecision} checks it.
 */
public final class TotpCollector implements Node {
    public static final String TYPE = "TotpCollector";
    public static final String ONE_TIME_PASSWORD = "oneTimePassword";
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
        return Set.of(ONE_TIME_PASSWORD);
    }

    @Override
    public Action process(NodeContext ctx) {
        if (!ctx.hasAnswers()) {
            return Action.send(Callback.prompt(CALLBACK, NodeMessages.get(TotpCollector.class, "prompt")));
        }
        ctx.state().putTransient(ONE_TIME_PASSWORD, ctx.requireInput(CALLBACK).strip());
        return Action.goTo("next");
    }
}
