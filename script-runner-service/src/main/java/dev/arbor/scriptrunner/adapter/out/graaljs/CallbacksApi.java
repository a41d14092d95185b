package dev.arbor.scriptrunner.adapter.out.graaljs;

import dev.arbor.scriptrunner.domain.execution.ScriptCallback;
import dev.arbor.scriptrunner.domain.execution.ScriptCallback.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * {@code callbacks}: ask the user something instead of deciding. A run that asks and ends without
 * {@code action.goTo} returns the questions ({@code ScriptResult.callbacks}); the node shows them
 * as one step and runs the script again with the answers, read by {@code answers()}/{@code answer(id)}.
 * Shaped like ForgeRock's TextInput/Choice/Confirmation/TextOutput callbacks.
 */
public final class CallbacksApi {
    static final int MAX_CALLBACKS = 10;
    static final int MAX_PROMPT = 500;
    static final int MAX_CHOICES = 20;
    static final int MAX_CHOICE = 200;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Map<String, String> answers = new LinkedHashMap<>();
    private final List<ScriptCallback> asked = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    CallbacksApi(List<ScriptCallback> answers) {
        answers.forEach(answer -> this.answers.putIfAbsent(answer.id(), answer.value()));
    }

    /** {@code callbacks.text(id, prompt)}: free text. */
    @HostAccess.Export
    public void text(Value id, Value prompt) {
        ask(Kind.TEXT, "text", id, prompt, List.of());
    }

    /** {@code callbacks.choice(id, prompt, ["a", "b"])}: one of the choices. */
    @HostAccess.Export
    public void choice(Value id, Value prompt, Value choices) {
        if (choices == null || !choices.hasArrayElements() || choices.getArraySize() < 1
                || choices.getArraySize() > MAX_CHOICES) {
            throw new ScriptApiException("callbacks.choice(id, prompt, choices): choices must be an array of 1 to "
                    + MAX_CHOICES + " strings");
        }
        List<String> list = new ArrayList<>();
        for (long i = 0; i < choices.getArraySize(); i++) {
            Value choice = choices.getArrayElement(i);
            if (!choice.isString() || choice.asString().isBlank() || choice.asString().length() > MAX_CHOICE) {
                throw new ScriptApiException("callbacks.choice: each choice must be a non-empty string of at most "
                        + MAX_CHOICE + " characters");
            }
            list.add(choice.asString());
        }
        ask(Kind.CHOICE, "choice", id, prompt, list);
    }

    /** {@code callbacks.confirm(id, prompt)}: yes or no; the answer is {@code "true"} or {@code "false"}. */
    @HostAccess.Export
    public void confirm(Value id, Value prompt) {
        ask(Kind.CONFIRMATION, "confirm", id, prompt, List.of());
    }

    /** {@code callbacks.message(id, text)}: text shown to the user; no answer. */
    @HostAccess.Export
    public void message(Value id, Value text) {
        ask(Kind.MESSAGE, "message", id, text, List.of());
    }

    /** {@code callbacks.answers()}: a read-only object id → answer of the previous step ({@code {}} on the first). */
    @HostAccess.Export
    public Object answers() {
        return new ReadOnlyProxy(answers);
    }

    /** {@code callbacks.answer(id)}: one answer, or {@code null}. */
    @HostAccess.Export
    public String answer(Value id) {
        if (id == null || !id.isString()) {
            throw new ScriptApiException("callbacks.answer(id): id must be a string");
        }
        return answers.get(id.asString());
    }

    List<ScriptCallback> asked() {
        return asked;
    }

    private void ask(Kind kind, String call, Value id, Value prompt, List<String> choices) {
        if (id == null || !id.isString() || !ID.matcher(id.asString()).matches()) {
            throw new ScriptApiException("callbacks." + call + ": id must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        if (prompt == null || !prompt.isString() || prompt.asString().length() > MAX_PROMPT) {
            throw new ScriptApiException("callbacks." + call + "(\"" + id.asString() + "\"): the text must be a string"
                    + " of at most " + MAX_PROMPT + " characters");
        }
        if (!ids.add(id.asString())) {
            throw new ScriptApiException("callbacks." + call + ": id \"" + id.asString() + "\" was already used in this run");
        }
        if (asked.size() >= MAX_CALLBACKS) {
            throw new ScriptApiException("callbacks: a run may ask at most " + MAX_CALLBACKS + " callbacks");
        }
        asked.add(ScriptCallback.asked(kind, id.asString(), prompt.asString(), choices));
    }
}
