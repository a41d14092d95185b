package dev.arbor.authtree.adapter.in.startup;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} (POSIX shell parameter expansion) from the environment.
 * An unset variable without a default fails, naming the variable, never a value.
 */
public final class EnvSubstitution {
    private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> environment;

    public EnvSubstitution(Function<String, String> environment) {
        this.environment = environment;
    }

    public String apply(String value, String source) {
        if (value == null) {
            return null;
        }
        Matcher m = REF.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String resolved = environment.apply(m.group(1));
            if (resolved == null || resolved.isEmpty()) {
                resolved = m.group(2);
            }
            if (resolved == null) {
                throw new IllegalStateException(source + ": environment variable " + m.group(1)
                        + " is not set and has no default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString();
    }
}
