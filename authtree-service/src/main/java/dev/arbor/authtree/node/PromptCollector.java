package dev.arbor.authtree.node;

import java.util.List;
import java.util.Set;

/**
 * The shape of AM's single-question collectors: ask with one callback (the prompt comes from the
 * subclass's message bundle), then put the answer into one state key and go to {@code next}. What
 * differs is spelled out by each subclass: the callback, the key, and whether the answer is shared
 * state or transient state (a secret that is never persisted).
 */
abstract class PromptCollector implements Node {
    enum Kept { SHARED, TRANSIENT }

    private final String type;
    private final String callback;
    private final String key;
    private final Kept kept;

    PromptCollector(String type, String callback, String key, Kept kept) {
        this.type = type;
        this.callback = callback;
        this.key = key;
        this.kept = kept;
    }

    /** The answer as stored; the raw input by default. */
    String normalize(String answer) {
        return answer;
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final List<String> outcomes() {
        return List.of("next");
    }

    @Override
    public final Set<String> writes() {
        return Set.of(key);
    }

    @Override
    public final Action process(NodeContext ctx) {
        if (!ctx.hasAnswers()) {
            return Action.send(Callback.prompt(callback, NodeMessages.get(getClass(), "prompt", ctx.locale())));
        }
        String answer = normalize(ctx.requireInput(callback));
        if (kept == Kept.SHARED) {
            ctx.state().putShared(key, answer);
        } else {
            ctx.state().putTransient(key, answer);
        }
        return Action.goTo("next");
    }
}
