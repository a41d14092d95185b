package dev.arbor.authtree.domain.tree;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The node types a tree may use: the outcomes, config problems and state keys of each. */
public interface NodeCatalog {
    /** The outcomes a node of {@code type} with {@code config} declares, or empty when the type is unknown. */
    Optional<List<String>> outcomesOf(String type, Map<String, Object> config);

    /** What is wrong with {@code config} for {@code type}; empty when it is valid. */
    List<String> configProblems(String type, Map<String, Object> config);

    /** Shared/transient state keys a node of {@code type} reads (they must be written upstream). */
    Set<String> reads(String type, Map<String, Object> config);

    /** State keys a node of {@code type} writes. */
    Set<String> writes(String type, Map<String, Object> config);

    /** Whether a node of {@code type} bounds a loop through it (a retry guard). */
    boolean guardsLoops(String type);

    /**
     * The node id whose remembered result a node of {@code type} checks (RememberedResultCheck's
     * {@code node}); empty for every other type. The validator requires that node to declare memory.
     */
    default Optional<String> checksMemoryOf(String type, Map<String, Object> config) {
        return Optional.empty();
    }
}
