package dev.arbor.authtree.domain.script;

import java.util.List;

/**
 * A question a script asks the user (Script API {@code callbacks}), or, with {@code value} set, the user's
 * answer to it: the text, the chosen choice, or {@code "true"}/{@code "false"} for a confirmation.
 */
public record ScriptQuestion(Kind kind, String id, String prompt, List<String> choices, String value) {
    /** What is asked; each maps to one journey callback. */
    public enum Kind { TEXT, CHOICE, CONFIRMATION, MESSAGE }

    public ScriptQuestion {
        id = id == null ? "" : id;
        prompt = prompt == null ? "" : prompt;
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public ScriptQuestion answered(String answer) {
        return new ScriptQuestion(kind, id, prompt, choices, answer);
    }
}
