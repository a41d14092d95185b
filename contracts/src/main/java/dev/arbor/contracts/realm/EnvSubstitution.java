package dev.arbor.contracts.realm;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholder syntax of realm YAML, shared by every service that imports a section of it:
 * {@code ${VAR}} and {@code ${VAR:-default}} (POSIX shell parameter expansion) are replaced from the
 * environment. An unset variable without a default is an error naming the variable and where it
 * stands — never a value — so start-up fails clearly instead of importing an empty secret.
 */
public final class EnvSubstitution {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final UnaryOperator<String> environment;

    /** @param environment looks a variable up; {@code null} = unset */
    public EnvSubstitution(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public static EnvSubstitution fromSystemEnvironment() {
        return new EnvSubstitution(System::getenv);
    }

    /**
     * @param where the file (and field) the value comes from, for the error message
     * @throws IllegalArgumentException when a referenced variable is unset and has no default
     */
    public String apply(String value, String where) {
        if (value == null || !value.contains("${")) {
            return value;
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = environment.apply(name);
            if (replacement == null) {
                replacement = m.group(2);
            }
            if (replacement == null) {
                throw new IllegalArgumentException(where + ": environment variable " + name
                        + " is not set and has no default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
