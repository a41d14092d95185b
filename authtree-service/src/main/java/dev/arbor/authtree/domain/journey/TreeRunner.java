package dev.arbor.authtree.domain.journey;

import dev.arbor.authtree.domain.tree.NodeSpec;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.node.Action;
import dev.arbor.authtree.node.Callback;
import dev.arbor.authtree.node.ClientRequest;
import dev.arbor.authtree.node.DataStoreDecision;
import dev.arbor.authtree.node.MissingInputException;
import dev.arbor.authtree.node.Node;
import dev.arbor.authtree.node.NodeContext;
import dev.arbor.authtree.node.NodeRegistry;
import dev.arbor.authtree.node.NodeState;
import dev.arbor.authtree.port.AuthIdCodec;
import dev.arbor.authtree.port.JourneyStore;
import dev.arbor.authtree.port.SessionGateway;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Walks a tree from the journey's current node until a node asks for input or a terminal node is reached.
 * Every advance of a stored journey is a compare-and-set on its version, so a replayed or rewound step
 * (an old {@code authId}) finds the version moved on and is refused.
 */
public final class TreeRunner {
    private final NodeRegistry nodes;
    private final JourneyStore store;
    private final SessionGateway sessions;
    private final AuthIdCodec authIds;
    private final JourneySettings settings;
    private final Clock clock;

    public TreeRunner(NodeRegistry nodes, JourneyStore store, SessionGateway sessions, AuthIdCodec authIds,
            JourneySettings settings, Clock clock) {
        this.nodes = nodes;
        this.store = store;
        this.sessions = sessions;
        this.authIds = authIds;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs {@code state} (stored at {@code version}, 0 = not yet stored), giving {@code answers} to its current node. */
    public JourneyOutcome run(StoredTree tree, JourneyState state, long version, List<Callback> answers) {
        return run(tree, state, version, answers, ClientRequest.UNKNOWN);
    }

    /** As {@link #run(StoredTree, JourneyState, long, List)}, for a request that came from {@code client}. */
    public JourneyOutcome run(StoredTree tree, JourneyState state, long version, List<Callback> answers,
            ClientRequest client) {
        NodeState nodeState = new NodeState(state.shared());
        String current = state.currentNode();
        List<Callback> input = answers;
        int steps = state.steps();
        while (!TreeDefinition.isTerminal(current)) {
            if (++steps > settings.maxSteps()) {
                return fail(state, version);
            }
            NodeSpec spec = tree.definition().nodes().get(current);
            Node node = nodes.node(spec.type()).orElseThrow(
                    () -> new IllegalStateException("no node of type " + spec.type()));
            Action action = process(node, new NodeContext(state.realm(), current, spec.config(), nodeState, input,
                    client));
            switch (action) {
                case Action.GoTo goTo -> {
                    current = spec.outcomes().get(goTo.outcome());
                    if (current == null) {
                        throw new IllegalStateException("outcome " + goTo.outcome() + " of " + spec.type() + " not wired");
                    }
                    input = List.of();
                }
                case Action.SendCallbacks send -> {
                    JourneyState next = state.advance(current, nodeState.sharedSnapshot(), steps);
                    long newVersion = claim(next, version);
                    Instant expiresAt = clock.instant().plus(settings.journeyTtl());
                    String authId = authIds.encode(new AuthId(state.journeyId(), state.realm(), newVersion, expiresAt));
                    return new JourneyOutcome.Step(authId, current, send.callbacks());
                }
            }
        }
        JourneyState done = state.advance(current, nodeState.sharedSnapshot(), steps);
        if (TreeDefinition.SUCCESS.equals(current) && nodeState.shared(DataStoreDecision.SUBJECT).isPresent()) {
            return succeed(tree, done, version, nodeState.shared(DataStoreDecision.SUBJECT).get());
        }
        return fail(done, version);
    }

    private static Action process(Node node, NodeContext ctx) {
        try {
            return node.process(ctx);
        } catch (MissingInputException e) {
            throw JourneyException.badInput(e.getMessage());
        }
    }

    private JourneyOutcome succeed(StoredTree tree, JourneyState done, long version, String subject) {
        claim(done, version);
        String sessionId = sessions.createSession(done.realm(), subject, clock.instant(), tree.name(),
                settings.amr(), settings.sessionTtl());
        store.delete(done.journeyId());
        String successUrl = done.resumeUrl() == null || done.resumeUrl().isBlank()
                ? settings.defaultSuccessUrl() : done.resumeUrl();
        return new JourneyOutcome.Succeeded(sessionId, successUrl, done.realm());
    }

    private JourneyOutcome fail(JourneyState done, long version) {
        claim(done, version);
        store.delete(done.journeyId());
        return new JourneyOutcome.Failed();
    }

    /** CAS: only one request may advance a journey from {@code version}. */
    private long claim(JourneyState next, long version) {
        return store.save(next, version, settings.journeyTtl()).orElseThrow(JourneyException::expired);
    }
}
