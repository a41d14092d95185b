package dev.arbor.authtree.domain.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a tree: its type, where each of its outcomes leads (outcome → node id), its config
 * (plain values as written in realm YAML; each node type parses it into its own typed record) and its
 * per-node memory ({@code remember}; null when the node declares none).
 */
public record NodeSpec(String type, Map<String, String> outcomes, Map<String, Object> config, NodeMemory remember) {
    public NodeSpec {
        Objects.requireNonNull(type, "type");
        outcomes = outcomes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    public NodeSpec(String type, Map<String, String> outcomes, Map<String, Object> config) {
        this(type, outcomes, config, null);
    }

    public NodeSpec(String type, Map<String, String> outcomes) {
        this(type, outcomes, Map.of());
    }

    /** The store this node's results are remembered in, when it declares a valid session or cookie memory. */
    public Optional<NodeMemory.Store> remembering() {
        return remember == null ? Optional.empty() : remember.remembering();
    }
}
