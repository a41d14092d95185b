package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.tree.NodeCatalog;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The node types this service runs, by type name. */
public final class NodeRegistry implements NodeCatalog {
    private final Map<String, Node> byType;

    public NodeRegistry(Collection<? extends Node> nodes) {
        this.byType = nodes.stream().collect(Collectors.toUnmodifiableMap(Node::type, Function.identity()));
    }

    public Optional<Node> node(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    @Override
    public Optional<List<String>> outcomesOf(String type, Map<String, Object> config) {
        return node(type).map(n -> n.configProblems(config).isEmpty() ? n.outcomes(config) : n.outcomes());
    }

    @Override
    public List<String> configProblems(String type, Map<String, Object> config) {
        return node(type).map(n -> n.configProblems(config)).orElse(List.of());
    }

    @Override
    public Set<String> reads(String type, Map<String, Object> config) {
        return node(type).map(n -> n.reads(config)).orElse(Set.of());
    }

    @Override
    public Set<String> writes(String type, Map<String, Object> config) {
        return node(type).map(n -> n.writes(config)).orElse(Set.of());
    }

    @Override
    public Optional<String> checksMemoryOf(String type, Map<String, Object> config) {
        return RememberedResultCheck.TYPE.equals(type) && byType.containsKey(type)
                ? RememberedResultCheck.checkedNode(config) : Optional.empty();
    }

    @Override
    public boolean guardsLoops(String type) {
        return RetryLimitDecision.TYPE.equals(type);
    }
}
