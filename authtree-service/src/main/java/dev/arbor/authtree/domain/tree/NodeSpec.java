package dev.arbor.authtree.domain.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a tree: its type, where each of its outcomes leads (outcome → node id) and its config
 * (plain values as written in realm YAML; each node type parses it into its own typed record).
 */
public record NodeSpec(String type, Map<String, String> outcomes, Map<String, Object> config) {
    public NodeSpec {
        Objects.requireNonNull(type, "type");
        outcomes = outcomes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    public NodeSpec(String type, Map<String, String> outcomes) {
        this(type, outcomes, Map.of());
    }
}
