package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.script.ScriptQuestion;
import dev.arbor.authtree.domain.script.ScriptQuestion.Kind;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A script's questions as journey callbacks and back. The questions a step asked wait in shared state
 * (kind, id and choices, URL-encoded; no prompt) so that the answers, which the client posts in the order of
 * the step's callbacks, can be matched to them by position and type on the next request.
 */
final class ScriptCallbacks {
    static final String TEXT_INPUT = "TextInputCallback";

    private ScriptCallbacks() {
    }

    static boolean askable(ScriptQuestion q) {
        return q.kind() != null && (q.kind() != Kind.CHOICE || !q.choices().isEmpty());
    }

    static Callback toCallback(ScriptQuestion q) {
        return switch (q.kind()) {
            case TEXT -> Callback.prompt(TEXT_INPUT, q.prompt());
            case CHOICE -> new Callback(ChoiceCollector.CALLBACK, List.of(new Callback.Field("prompt", q.prompt()),
                    new Callback.Field("choices", q.choices()), new Callback.Field("defaultChoice", 0)), "0");
            case CONFIRMATION -> Confirmation.ask(q.prompt(), List.of(
                    NodeMessages.get(ScriptedDecision.class, "yes"), NodeMessages.get(ScriptedDecision.class, "no")), 1);
            case MESSAGE -> Callback.display(TextOutput.CALLBACK, List.of(new Callback.Field("message", q.prompt()),
                    new Callback.Field("messageType", "0")));
        };
    }

    private static String type(Kind kind) {
        return switch (kind) {
            case TEXT -> TEXT_INPUT;
            case CHOICE -> ChoiceCollector.CALLBACK;
            case CONFIRMATION -> Confirmation.CALLBACK;
            case MESSAGE -> TextOutput.CALLBACK;
        };
    }

    /**
     * The answers to {@code asked}, by position; a MESSAGE has none and is left out.
     *
     * @throws MissingInputException when the client did not post the step back as it was sent
     */
    static List<ScriptQuestion> answers(List<ScriptQuestion> asked, List<Callback> answered) {
        if (answered.size() != asked.size()) {
            throw new MissingInputException("post the step back with all " + asked.size() + " callbacks");
        }
        List<ScriptQuestion> answers = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            ScriptQuestion q = asked.get(i);
            Callback a = answered.get(i);
            if (!type(q.kind()).equals(a.type())) {
                throw new MissingInputException("callback " + i + " must be a " + type(q.kind()));
            }
            switch (q.kind()) {
                case TEXT -> answers.add(q.answered(required(a)));
                case CHOICE -> answers.add(q.answered(q.choices().get(index(a, q.choices().size()))));
                case CONFIRMATION -> answers.add(q.answered(Confirmation.chosen(a, 2) == 0 ? "true" : "false"));
                case MESSAGE -> {
                }
            }
        }
        return answers;
    }

    private static String required(Callback a) {
        if (a.input() == null) {
            throw new MissingInputException("missing input for " + a.type());
        }
        return a.input();
    }

    private static int index(Callback a, int size) {
        try {
            int i = Integer.parseInt(required(a).strip());
            if (i >= 0 && i < size) {
                return i;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new MissingInputException("ChoiceCallback input must be the index of a choice");
    }

    static String encode(List<ScriptQuestion> questions) {
        return questions.stream().map(q -> q.kind().name() + "|" + enc(q.id()) + "|"
                + q.choices().stream().map(ScriptCallbacks::enc).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }

    static List<ScriptQuestion> decode(String encoded) {
        List<ScriptQuestion> questions = new ArrayList<>();
        for (String item : encoded.split(";")) {
            String[] parts = item.split("\\|", -1);
            List<String> choices = parts[2].isEmpty() ? List.of()
                    : Arrays.stream(parts[2].split(",", -1)).map(ScriptCallbacks::dec).toList();
            questions.add(new ScriptQuestion(Kind.valueOf(parts[0]), dec(parts[1]), "", choices, null));
        }
        return questions;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
