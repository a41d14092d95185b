package dev.arbor.scriptrunner.domain.execution;

import java.util.List;

/**
 * A question a script asks the user ({@code callbacks.*}), or the user's answer to it
 * ({@code ExecuteRequest.answers}). {@code choices} only for {@link Kind#CHOICE}; {@code value} only
 * in answers (the text, the chosen choice, or {@code "true"}/{@code "false"}).
 */
public record ScriptCallback(Kind kind, String id, String prompt, List<String> choices, String value) {
    public enum Kind { TEXT, CHOICE, CONFIRMATION, MESSAGE }

    public ScriptCallback {
        choices = List.copyOf(choices);
        prompt = prompt == null ? "" : prompt;
        value = value == null ? "" : value;
    }

    public static ScriptCallback asked(Kind kind, String id, String prompt, List<String> choices) {
        return new ScriptCallback(kind, id, prompt, choices, "");
    }

    public static ScriptCallback answer(String id, String value) {
        return new ScriptCallback(Kind.TEXT, id, "", List.of(), value);
    }
}
