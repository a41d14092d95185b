package dev.arbor.federation.protocol.oauth2;

import java.util.Arrays;
import java.util.List;

/** RFC 6749 §3.3 — a scope is a space-delimited, case-sensitive list of tokens. */
public final class Scopes {
    private Scopes() {
    }

    /** The distinct scope tokens in order; empty for a missing or blank value. */
    public static List<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scope.trim().split(" +")).distinct().toList();
    }

    public static String format(List<String> scopes) {
        return String.join(" ", scopes);
    }
}
