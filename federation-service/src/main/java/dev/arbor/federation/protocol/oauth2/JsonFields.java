package dev.arbor.federation.protocol.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads typed members of a client-metadata JSON object and collects every problem instead of stopping
 * at the first, so one answer can list them all (RFC 7591 §3.2.2; the admin API's problem detail).
 * Shared by the admin client API and dynamic client registration.
 */
public final class JsonFields {
    private final List<String> problems = new ArrayList<>();

    /** The problems found so far, in the order found. */
    public List<String> problems() {
        return problems;
    }

    public void problem(String problem) {
        problems.add(problem);
    }

    /** A string member; null when absent or JSON null, or (with a problem) when not a string. */
    public String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(field + " must be a string");
            return null;
        }
        return value.asText();
    }

    /** A boolean member; false when absent, or (with a problem) when not a boolean. */
    public boolean flag(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add(field + " must be true or false");
            return false;
        }
        return value.asBoolean();
    }

    /** An array of strings; empty when absent; each non-string element is a problem. */
    public List<String> strings(JsonNode root, String field) {
        JsonNode value = root.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            problems.add(field + " must be an array of strings");
            return out;
        }
        for (JsonNode element : value) {
            if (element.isTextual()) {
                out.add(element.asText());
            } else {
                problems.add(field + " must be an array of strings");
                return out;
            }
        }
        return out;
    }

    /** Runs a constructor or parser whose {@link IllegalArgumentException} message is a problem; null then. */
    public <T> T attempt(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
