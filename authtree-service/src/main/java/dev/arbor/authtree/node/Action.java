package dev.arbor.authtree.node;

import java.util.List;
import java.util.Objects;

/** What a node decided: take an outcome, or ask the client for input first. */
public sealed interface Action permits Action.GoTo, Action.SendCallbacks {

    static Action goTo(String outcome) {
        return new GoTo(outcome);
    }

    static Action send(Callback... callbacks) {
        return new SendCallbacks(List.of(callbacks));
    }

    /** Leave the node through {@code outcome}. */
    record GoTo(String outcome) implements Action {
        public GoTo {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** Stop here and return these callbacks to the client as one step. */
    record SendCallbacks(List<Callback> callbacks) implements Action {
        public SendCallbacks {
            callbacks = List.copyOf(callbacks);
        }
    }
}
