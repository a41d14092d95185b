package dev.arbor.scriptrunner.adapter.out.graaljs;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces the value of any of a realm's secrets with {@value #MARK} in what a run returns (log
 * lines, state patch, callback texts, error messages), so a secret never leaves a run in clear by
 * accident. It sees the exact value only: a script that encodes a secret can still leak it, but
 * only to where its realm's admin sends output.
 */
final class SecretRedactor {
    static final String MARK = "[redacted]";
    static final SecretRedactor NONE = new SecretRedactor(List.of());

    private final List<String> values;

    private SecretRedactor(List<String> values) {
        this.values = values;
    }

    static SecretRedactor of(Collection<String> secrets) {
        // Longest first, so a secret that contains another is replaced whole.
        List<String> sorted = secrets.stream().filter(s -> s != null && !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return sorted.isEmpty() ? NONE : new SecretRedactor(sorted);
    }

    String redact(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : values) {
            if (result.contains(secret)) {
                result = result.replace(secret, MARK);
            }
        }
        return result;
    }
}
