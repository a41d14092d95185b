package dev.arbor.authtree.node;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one value of a node's raw config (as written in realm YAML) for the node's typed config record.
 * A bad value is an {@link IllegalArgumentException} whose message names the key; the validator reports it.
 */
final class NodeConfig {
    private final Map<String, Object> raw;

    NodeConfig(Map<String, Object> raw) {
        this.raw = raw == null ? Map.of() : raw;
    }

    Optional<String> string(String key) {
        Object value = raw.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new IllegalArgumentException("'" + key + "' must be a single value");
        }
        return Optional.of(value.toString());
    }

    int positiveInt(String key, int max) {
        String value = string(key).orElseThrow(() -> new IllegalArgumentException("'" + key + "' is required"));
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 1 || n > max) {
                throw new IllegalArgumentException("'" + key + "' must be between 1 and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number");
        }
    }

    Duration positiveDuration(String key) {
        String value = string(key).orElseThrow(() -> new IllegalArgumentException("'" + key + "' is required"));
        try {
            Duration d = Duration.parse(value.strip());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("'" + key + "' must be positive");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + key + "' must be an ISO-8601 duration such as PT15M");
        }
    }

    List<String> strings(String key) {
        Object value = raw.get(key);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("'" + key + "' must be a non-empty list");
        }
        List<String> out = list.stream().map(v -> v == null ? "" : v.toString().strip()).toList();
        if (out.stream().anyMatch(String::isEmpty) || out.stream().distinct().count() != out.size()) {
            throw new IllegalArgumentException("'" + key + "' must hold distinct non-empty values");
        }
        return out;
    }

    /** Runs {@code parse} and returns its problem, if any, as a one-element list. */
    static List<String> problems(Runnable parse) {
        try {
            parse.run();
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }
}
