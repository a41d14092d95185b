package dev.arbor.authtree.node;

import java.util.List;

/**
 * Where an inlined inner tree ends (see {@link InnerTree}): it drops the transient state the inner nodes
 * set (a typed password stays inside the inner tree) and goes on through {@code next}. Trees never name it;
 * the engine adds it when it inlines an inner tree.
 */
public final class InnerTreeExit implements Node {
    public static final String TYPE = "InnerTreeExit";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("next");
    }

    @Override
    public Action process(NodeContext ctx) {
        ctx.state().clearTransient();
        return Action.goTo("next");
    }
}
