package dev.arbor.authtree.node;

import java.util.List;

/**
 * AM's {@code ConfirmationCallback}: outputs {@code prompt}, {@code messageType} (0 information),
 * {@code options}, {@code optionType} (-1, the options are given) and {@code defaultOption}; the input is the
 * index of the chosen option. Shared by the nodes that ask yes/no questions.
 */
final class Confirmation {
    static final String CALLBACK = "ConfirmationCallback";

    private Confirmation() {
    }

    static Callback ask(String prompt, List<String> options, int defaultOption) {
        return new Callback(CALLBACK, List.of(new Callback.Field("prompt", prompt),
                new Callback.Field("messageType", 0), new Callback.Field("options", List.copyOf(options)),
                new Callback.Field("optionType", -1), new Callback.Field("defaultOption", defaultOption)),
                Integer.toString(defaultOption));
    }

    /**
     * The chosen option's index in {@code answer}.
     *
     * @throws MissingInputException when the input is not the index of one of {@code optionCount} options
     */
    static int chosen(Callback answer, int optionCount) {
        if (answer == null || !CALLBACK.equals(answer.type()) || answer.input() == null) {
            throw new MissingInputException("missing input for " + CALLBACK);
        }
        try {
            int index = Integer.parseInt(answer.input().strip());
            if (index >= 0 && index < optionCount) {
                return index;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new MissingInputException(CALLBACK + " input must be the index of an option");
    }

    /** The first ConfirmationCallback the client answered, or a MissingInputException. */
    static int chosen(NodeContext ctx, int optionCount) {
        return chosen(ctx.answered().stream().filter(c -> CALLBACK.equals(c.type())).findFirst().orElse(null),
                optionCount);
    }
}
