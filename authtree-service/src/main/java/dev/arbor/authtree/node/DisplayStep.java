package dev.arbor.authtree.node;

import java.util.List;
import java.util.function.Supplier;

/**
 * A step that only shows something (a message, a redirect) and goes on through {@code next} once the
 * client posts it back: the shape TextOutput and Redirect share. A post-back without the callback is
 * missing input (400), never a skipped step.
 */
final class DisplayStep {
    private DisplayStep() {
    }

    static Action showThenNext(NodeContext ctx, String callback, Supplier<List<Callback.Field>> output) {
        if (ctx.hasAnswers()) {
            if (ctx.answered().stream().noneMatch(c -> callback.equals(c.type()))) {
                throw new MissingInputException("missing " + callback);
            }
            return Action.goTo("next");
        }
        return Action.send(Callback.display(callback, output.get()));
    }
}
