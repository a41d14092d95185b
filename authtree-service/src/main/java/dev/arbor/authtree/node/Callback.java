package dev.arbor.authtree.node;

import java.util.List;

/**
 * One ForgeRock AM style callback: a type ({@code NameCallback}, {@code PasswordCallback}, ...), output
 * fields shown to the user, and the single input value the client fills in ({@code null} when it did not).
 * {@code inputName} names that input on the wire; {@code null} keeps AM's positional {@code IDToken<n>}.
 */
public record Callback(String type, List<Field> output, String input, String inputName) {
    public Callback {
        output = output == null ? List.of() : List.copyOf(output);
    }

    public Callback(String type, List<Field> output, String input) {
        this(type, output, input, null);
    }

    /** A callback to send, with one output prompt and an empty input. */
    public static Callback prompt(String type, String prompt) {
        return new Callback(type, List.of(new Field("prompt", prompt)), "");
    }

    /** A read-only callback: output fields, no input. */
    public static Callback display(String type, List<Field> output) {
        return new Callback(type, output, null);
    }

    /** A callback with output fields and one empty input called {@code inputName}. */
    public static Callback named(String type, List<Field> output, String inputName) {
        return new Callback(type, output, "", inputName);
    }

    /** An output field {@code {name, value}}. */
    public record Field(String name, Object value) {
    }
}
