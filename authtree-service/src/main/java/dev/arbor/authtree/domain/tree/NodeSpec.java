package dev.arbor.authtree.domain.tree;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One node of a tree: its type and where each of its outcomes leads (outcome → node id). */
public record NodeSpec(String type, Map<String, String> outcomes) {
    public NodeSpec {
        Objects.requireNonNull(type, "type");
        outcomes = outcomes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }
}
