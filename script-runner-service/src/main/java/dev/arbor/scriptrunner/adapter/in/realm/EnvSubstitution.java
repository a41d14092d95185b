package dev.arbor.scriptrunner.adapter.in.realm;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} and {@code ${VAR:-default}} in realm YAML values, replaced from the environment
 * (conventions: an unset variable without a default stops start-up). Error messages name the
 * variable, never a value.
 */
final class EnvSubstitution {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final UnaryOperator<String> environment;

    EnvSubstitution(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    static EnvSubstitution fromSystemEnvironment() {
        return new EnvSubstitution(System::getenv);
    }

    /** @param where file and field, for the error message */
    String apply(String value, String where) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String replacement = environment.apply(variable);
            if (replacement == null) {
                replacement = matcher.group(2);
            }
            if (replacement == null) {
                throw new RealmConfigException(where + ": environment variable " + variable
                        + " is not set and has no default (write ${" + variable + ":-default})");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
