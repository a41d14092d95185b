package dev.arbor.authtree.node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * AM "Page Node": puts the callbacks of several collector nodes into ONE step, e.g. username and
 * password together. Config {@code nodes} lists the child node types in order; each child must be a
 * collector that takes no config and has the single outcome {@code next}. When the client posts the step
 * back, each child gets its own callbacks (by position) and the page leaves through {@code next}.
 */
public final class Page implements Node {
    public static final String TYPE = "Page";

    private final Map<String, Node> children;

    /** @param collectors the node types a page may hold */
    public Page(Collection<? extends Node> collectors) {
        this.children = collectors.stream().collect(Collectors.toUnmodifiableMap(Node::type, Function.identity()));
    }

    /** Typed config: the child nodes, in the order their callbacks appear. */
    record Config(List<Node> nodes) {
    }

    private Config parse(Map<String, Object> raw) {
        List<Node> nodes = new ArrayList<>();
        for (String type : new NodeConfig(raw).strings("nodes")) {
            Node child = Optional.ofNullable(children.get(type)).orElseThrow(() -> new IllegalArgumentException(
                    "'nodes' holds '" + type + "', which is not a collector a page can hold " + children.keySet()));
            nodes.add(child);
        }
        return new Config(nodes);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("next");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> parse(config));
    }

    @Override
    public Set<String> reads(Map<String, Object> config) {
        return union(config, Node::reads);
    }

    @Override
    public Set<String> writes(Map<String, Object> config) {
        return union(config, Node::writes);
    }

    private Set<String> union(Map<String, Object> config, Function<Node, Set<String>> keys) {
        if (!configProblems(config).isEmpty()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        parse(config).nodes().forEach(n -> out.addAll(keys.apply(n)));
        return out;
    }

    @Override
    public Action process(NodeContext ctx) {
        List<Node> nodes = parse(ctx.config()).nodes();
        List<List<Callback>> asked = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            asked.add(callbacksOf(nodes.get(i).process(child(ctx, i, List.of()))));
        }
        if (!ctx.hasAnswers()) {
            return Action.send(asked.stream().flatMap(List::stream).toArray(Callback[]::new));
        }
        int total = asked.stream().mapToInt(List::size).sum();
        if (ctx.answered().size() != total) {
            throw new MissingInputException("the page needs " + total + " callbacks answered");
        }
        int from = 0;
        for (int i = 0; i < nodes.size(); i++) {
            List<Callback> mine = ctx.answered().subList(from, from + asked.get(i).size());
            from += mine.size();
            if (!(nodes.get(i).process(child(ctx, i, mine)) instanceof Action.GoTo)) {
                throw new MissingInputException("missing input for " + nodes.get(i).type());
            }
        }
        return Action.goTo("next");
    }

    private static NodeContext child(NodeContext page, int index, List<Callback> answers) {
        return new NodeContext(page.realm(), page.nodeId() + "." + index, Map.of(), page.state(), answers);
    }

    private static List<Callback> callbacksOf(Action action) {
        if (action instanceof Action.SendCallbacks send) {
            return send.callbacks();
        }
        throw new IllegalStateException("a page child must ask for input when entered");
    }
}
