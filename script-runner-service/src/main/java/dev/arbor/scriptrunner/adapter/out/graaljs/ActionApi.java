package dev.arbor.scriptrunner.adapter.out.graaljs;

import java.util.Optional;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * {@code action.goTo(outcome)}: where the journey goes next. Required, and only once per run (a
 * second call is a bug in the script, not a "last one wins"). Whether the outcome is declared by
 * the node is checked after the run, by the domain.
 */
public final class ActionApi {
    private static final int MAX_OUTCOME_LENGTH = 128;

    private String outcome;

    @HostAccess.Export
    public void goTo(Value target) {
        if (target == null || !target.isString() || target.asString().isBlank()) {
            throw new ScriptApiException("action.goTo(outcome): outcome must be a non-empty string");
        }
        if (outcome != null) {
            throw new ScriptApiException("action.goTo was called twice (first with \"" + outcome + "\")");
        }
        String name = target.asString();
        outcome = name.length() <= MAX_OUTCOME_LENGTH ? name : name.substring(0, MAX_OUTCOME_LENGTH);
    }

    Optional<String> outcome() {
        return Optional.ofNullable(outcome);
    }
}
