package dev.arbor.authtree.domain.journey;

import dev.arbor.authtree.domain.memory.JourneyMemory;
import dev.arbor.authtree.domain.memory.NodeCookies;
import dev.arbor.authtree.domain.memory.RememberedResult;
import dev.arbor.authtree.domain.session.NewSession;
import dev.arbor.authtree.domain.tree.NodeMemory;
import dev.arbor.authtree.domain.tree.NodeSpec;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.node.Action;
import dev.arbor.authtree.node.Callback;
import dev.arbor.authtree.node.ClientRequest;
import dev.arbor.authtree.node.DataStoreDecision;
import dev.arbor.authtree.node.DependencyUnavailableException;
import dev.arbor.authtree.node.MissingInputException;
import dev.arbor.authtree.node.Node;
import dev.arbor.authtree.node.NodeContext;
import dev.arbor.authtree.node.NodeRegistry;
import dev.arbor.authtree.node.NodeState;
import dev.arbor.authtree.node.SetSessionProperties;
import dev.arbor.authtree.port.AuthIdCodec;
import dev.arbor.authtree.port.JourneyEventPublisher;
import dev.arbor.authtree.port.JourneyStore;
import dev.arbor.authtree.port.NodeResultSealer;
import dev.arbor.authtree.port.SessionGateway;
import dev.arbor.contracts.events.JourneyEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Walks a tree from the journey's current node until a node asks for input or a terminal node is reached.
 * Every advance of a stored journey is a compare-and-set on its version, so a replayed or rewound step
 * (an old {@code authId}) finds the version moved on and is refused.
 *
 * <p>Per-node memory: entering a node that declares {@code remember} with a valid remembered result (see
 * {@link NodeMemoryRules}) takes the remembered outcome and restores the shared state the node wrote,
 * without running it; a node with store session/cookie that runs and leaves through an outcome leaves a
 * pending result, which success turns into session results or sealed cookies.
 *
 * <pre>{@code
 * flowchart LR
 *   enter -->|remembered result valid| outcome
 *   enter -->|else| process
 *   process -->|GoTo| record[record pending result] --> outcome
 *   process -->|SendCallbacks| step
 *   process -->|DependencyUnavailable| failClosed
 *   outcome -->|success| session[new session, replaces old, cookies]
 * }</pre>
 */
public final class TreeRunner {
    static final String REASON_FAILURE = "failure_node";
    static final String REASON_MAX_STEPS = "max_steps";
    static final String REASON_DEPENDENCY = "dependency";
    static final String REASON_SUBJECT_MISMATCH = "subject_mismatch";

    private final NodeRegistry nodes;
    private final JourneyStore store;
    private final SessionGateway sessions;
    private final NodeResultSealer sealer;
    private final AuthIdCodec authIds;
    private final JourneySettings settings;
    private final JourneyEventPublisher events;
    private final Clock clock;

    public TreeRunner(NodeRegistry nodes, JourneyStore store, SessionGateway sessions, AuthIdCodec authIds,
            JourneySettings settings, Clock clock) {
        this(nodes, store, sessions, NoSealer.INSTANCE, authIds, settings, JourneyEventPublisher.NONE, clock);
    }

    public TreeRunner(NodeRegistry nodes, JourneyStore store, SessionGateway sessions, NodeResultSealer sealer,
            AuthIdCodec authIds, JourneySettings settings, JourneyEventPublisher events, Clock clock) {
        this.nodes = nodes;
        this.store = store;
        this.sessions = sessions;
        this.sealer = sealer;
        this.authIds = authIds;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Runs {@code state} (stored at {@code version}, 0 = not yet stored), giving {@code answers} to its current node. */
    public JourneyOutcome run(StoredTree tree, JourneyState state, long version, List<Callback> answers) {
        return run(tree, state, version, answers, ClientRequest.UNKNOWN);
    }

    /** Publishes journey.started for a journey about to run its first node. */
    void started(JourneyState state) {
        events.publish(new JourneyEvent.Started(eventId(), clock.instant(), state.realm(), state.journeyId(),
                state.tree(), state.treeVersion()));
    }

    /** As {@link #run(StoredTree, JourneyState, long, List)}, for a request that came from {@code client}. */
    public JourneyOutcome run(StoredTree tree, JourneyState state, long version, List<Callback> answers,
            ClientRequest client) {
        NodeState nodeState = new NodeState(state.shared());
        JourneyMemory[] memory = {state.memory()};
        String current = state.currentNode();
        String last = current;
        List<Callback> input = answers;
        int steps = state.steps();
        try {
            while (!TreeDefinition.isTerminal(current)) {
                if (++steps > settings.maxSteps()) {
                    return fail(state.advance(current, nodeState.sharedSnapshot(), steps).withMemory(memory[0]),
                            version, REASON_MAX_STEPS, current, nodeState);
                }
                last = current;
                NodeSpec spec = tree.definition().nodes().get(current);
                Node node = nodes.node(spec.type()).orElseThrow(
                        () -> new IllegalStateException("no node of type " + spec.type()));
                long started = System.nanoTime();
                Instant now = clock.instant();
                String subject = nodeState.shared(DataStoreDecision.SUBJECT).orElse(null);
                Optional<RememberedResult> remembered = input.isEmpty()
                        ? NodeMemoryRules.find(tree.definition(), tree.name(), current, memory[0], subject, now)
                        : Optional.empty();
                String outcome;
                if (remembered.isPresent()) {
                    remembered.get().shared().forEach(nodeState::putShared);
                    memory[0] = memory[0].withUsed(remembered.get().subject());
                    outcome = remembered.get().outcome();
                } else {
                    NodeContext ctx = new NodeContext(state.realm(), current, spec.config(), nodeState, input, client,
                            nodeId -> NodeMemoryRules.find(tree.definition(), tree.name(), nodeId, memory[0],
                                    nodeState.shared(DataStoreDecision.SUBJECT).orElse(null), clock.instant())
                                    .map(r -> {
                                        memory[0] = memory[0].withUsed(r.subject());
                                        return r;
                                    }));
                    Action action = process(node, ctx);
                    if (action instanceof Action.SendCallbacks send) {
                        JourneyState next = state.advance(current, nodeState.sharedSnapshot(), steps)
                                .withMemory(memory[0]);
                        long newVersion = claim(next, version);
                        Instant expiresAt = clock.instant().plus(settings.journeyTtl());
                        String authId = authIds.encode(new AuthId(state.journeyId(), state.realm(), newVersion,
                                expiresAt));
                        return new JourneyOutcome.Step(authId, current, send.callbacks());
                    }
                    outcome = ((Action.GoTo) action).outcome();
                    memory[0] = remember(tree, current, spec, node, outcome, nodeState, memory[0], now);
                }
                node.amr(outcome).ifPresent(method -> addAmr(nodeState, method));
                nodeCompleted(state, current, spec.type(), outcome, remembered.isPresent(), started);
                String next = spec.outcomes().get(outcome);
                if (next == null) {
                    throw new IllegalStateException("outcome " + outcome + " of " + spec.type() + " not wired");
                }
                current = next;
                input = List.of();
            }
        } catch (DependencyUnavailableException e) {
            // Fail closed: no outcome is taken for the node, the journey is gone, the client gets a 503.
            store.delete(state.journeyId());
            failed(state, REASON_DEPENDENCY, last, nodeState);
            throw e;
        }
        JourneyState done = state.advance(current, nodeState.sharedSnapshot(), steps).withMemory(memory[0]);
        Optional<String> subject = nodeState.shared(DataStoreDecision.SUBJECT);
        if (!TreeDefinition.SUCCESS.equals(current) || subject.isEmpty()) {
            return fail(done, version, REASON_FAILURE, last, nodeState);
        }
        if (memory[0].usedSubjects().stream().anyMatch(s -> !s.equals(subject.get()))) {
            // A remembered result of another identity carried this journey: never let it count.
            return fail(done, version, REASON_SUBJECT_MISMATCH, last, nodeState);
        }
        return succeed(tree, done, version, subject.get(), nodeState);
    }

    private JourneyMemory remember(StoredTree tree, String nodeId, NodeSpec spec, Node node, String outcome,
            NodeState state, JourneyMemory memory, Instant now) {
        Optional<NodeMemory.Store> store = spec.remembering();
        if (store.isEmpty()) {
            return memory; // store none (or no remember): never remembered
        }
        Map<String, String> written = new LinkedHashMap<>();
        for (String key : node.writes(spec.config())) {
            state.shared(key).ifPresent(v -> written.put(key, v));
        }
        return memory.withPending(store.get() == NodeMemory.Store.COOKIE,
                NodeMemoryRules.record(tree.name(), nodeId, spec, outcome, written, now));
    }

    /** Shared-state key of the methods the journey proved so far (RFC 8176 values, space-separated). */
    static final String AMR = "journey.amr";

    private static void addAmr(NodeState state, String method) {
        String proved = state.shared(AMR).orElse("");
        if (!java.util.Arrays.asList(proved.split(" ")).contains(method)) {
            state.putShared(AMR, proved.isEmpty() ? method : proved + " " + method);
        }
    }

    /** The session's amr: what the journey's nodes proved, or the configured default when none said. */
    private List<String> amr(NodeState state) {
        return state.shared(AMR).filter(v -> !v.isBlank()).map(v -> List.of(v.split(" "))).orElse(settings.amr());
    }

    private static Action process(Node node, NodeContext ctx) {
        try {
            return node.process(ctx);
        } catch (MissingInputException e) {
            throw JourneyException.badInput(e.getMessage());
        }
    }

    private JourneyOutcome succeed(StoredTree tree, JourneyState done, long version, String subject,
            NodeState nodeState) {
        claim(done, version);
        Instant now = clock.instant();
        JourneyMemory memory = done.memory();
        List<NodeCookies.NodeCookie> cookies = new ArrayList<>();
        for (RememberedResult pending : memory.pendingCookie()) {
            RememberedResult result = NodeMemoryRules.forSubject(pending, subject);
            cookies.add(new NodeCookies.NodeCookie(NodeCookies.name(done.realm(), result.tree(), result.nodeId()),
                    sealer.seal(done.realm(), result), wholeSeconds(Duration.between(now, result.expiresAt()))));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        nodeState.sharedSnapshot().forEach((k, v) -> {
            if (k.startsWith(SetSessionProperties.PREFIX)) {
                properties.put(k.substring(SetSessionProperties.PREFIX.length()), v);
            }
        });
        String sessionId = sessions.createSession(new NewSession(done.realm(), subject, now, tree.name(),
                amr(nodeState), settings.sessionTtl(), NodeMemoryRules.sessionResults(memory, subject, now),
                properties, memory.priorSessionId()));
        store.delete(done.journeyId());
        events.publish(new JourneyEvent.Completed(eventId(), now, done.realm(), done.journeyId(), done.tree(),
                done.treeVersion(), subject, done.steps()));
        String successUrl = done.resumeUrl() == null || done.resumeUrl().isBlank()
                ? settings.defaultSuccessUrl() : done.resumeUrl();
        return new JourneyOutcome.Succeeded(sessionId, successUrl, done.realm(), cookies);
    }

    private JourneyOutcome fail(JourneyState done, long version, String reason, String lastNode,
            NodeState nodeState) {
        claim(done, version);
        store.delete(done.journeyId());
        failed(done, reason, lastNode, nodeState);
        return new JourneyOutcome.Failed();
    }

    private void failed(JourneyState state, String reason, String lastNode, NodeState nodeState) {
        events.publish(new JourneyEvent.Failed(eventId(), clock.instant(), state.realm(), state.journeyId(),
                state.tree(), state.treeVersion(), reason, lastNode,
                nodeState.shared(DataStoreDecision.SUBJECT).orElse(null)));
    }

    private void nodeCompleted(JourneyState state, String nodeId, String type, String outcome, boolean remembered,
            long startedNanos) {
        events.publish(new JourneyEvent.NodeCompleted(eventId(), clock.instant(), state.realm(), state.journeyId(),
                state.tree(), state.treeVersion(), nodeId, type, outcome, remembered,
                (System.nanoTime() - startedNanos) / 1_000));
    }

    /** CAS: only one request may advance a journey from {@code version}. */
    private long claim(JourneyState next, long version) {
        return store.save(next, version, settings.journeyTtl()).orElseThrow(JourneyException::expired);
    }

    /** Cookie Max-Age is whole seconds: round up, so a PT15M result gets Max-Age=900. */
    private static Duration wholeSeconds(Duration d) {
        return Duration.ofSeconds(d.getSeconds() + (d.getNano() > 0 ? 1 : 0));
    }

    private static String eventId() {
        return UUID.randomUUID().toString();
    }

    /** For the constructor without a sealer: no tree of such a runner may remember in cookies. */
    private enum NoSealer implements NodeResultSealer {
        INSTANCE;

        @Override
        public String seal(String realm, RememberedResult result) {
            throw new IllegalStateException("no NodeResultSealer configured");
        }

        @Override
        public Optional<RememberedResult> unseal(String realm, String sealed) {
            return Optional.empty();
        }
    }
}
