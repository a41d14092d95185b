package dev.arbor.authtree.domain.tree;

import java.util.List;
import java.util.Optional;

/** The node types a tree may use and the outcomes each type declares. */
public interface NodeCatalog {
    /** The outcomes a node type declares, or empty when the type is unknown. */
    Optional<List<String>> outcomesOf(String type);
}
