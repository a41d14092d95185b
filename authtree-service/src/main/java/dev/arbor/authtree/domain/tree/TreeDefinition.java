package dev.arbor.authtree.domain.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tree as data: the start node id and the nodes by id. {@value #SUCCESS} and {@value #FAILURE} are the
 * terminal node ids; they are never declared as nodes.
 */
public record TreeDefinition(String start, Map<String, NodeSpec> nodes) {
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public TreeDefinition {
        nodes = nodes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    public static boolean isTerminal(String nodeId) {
        return SUCCESS.equals(nodeId) || FAILURE.equals(nodeId);
    }
}
