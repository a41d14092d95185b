package dev.arbor.authtree.domain.journey;

import dev.arbor.authtree.domain.memory.PresentedMemory;
import dev.arbor.authtree.domain.memory.RememberedResultLoader;
import dev.arbor.authtree.domain.tree.InnerTrees;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.node.Callback;
import dev.arbor.authtree.node.ClientRequest;
import dev.arbor.authtree.port.AuthIdCodec;
import dev.arbor.authtree.port.JourneyStore;
import dev.arbor.authtree.port.LoginFlowGateway;
import dev.arbor.authtree.port.TreeRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The journey API's two entry points, after ForgeRock AM's {@code /json/authenticate}: an empty request
 * starts a journey, a request carrying a step's {@code authId} continues it.
 *
 * <pre>{@code
 * flowchart LR
 *   start -->|tree from flow, ?tree= or default| run
 *   resume -->|authId valid, stored version = authId version| run
 *   run -->|SendCallbacks: CAS put, new authId| step
 *   run -->|success / failure: CAS put, then delete| done
 * }</pre>
 */
public final class JourneyService {
    private final TreeRepository trees;
    private final LoginFlowGateway flows;
    private final JourneyStore store;
    private final AuthIdCodec authIds;
    private final TreeRunner runner;
    private final RememberedResultLoader memory;

    public JourneyService(TreeRepository trees, LoginFlowGateway flows, JourneyStore store, AuthIdCodec authIds,
            TreeRunner runner) {
        this(trees, flows, store, authIds, runner, null);
    }

    /** With {@code memory} (null: the journey starts with no remembered result). */
    public JourneyService(TreeRepository trees, LoginFlowGateway flows, JourneyStore store, AuthIdCodec authIds,
            TreeRunner runner, RememberedResultLoader memory) {
        this.trees = trees;
        this.flows = flows;
        this.store = store;
        this.authIds = authIds;
        this.runner = runner;
        this.memory = memory;
    }

    /** Starts a journey in {@code realm}; a login flow (asked once, here) decides the tree and the resume URL. */
    public JourneyOutcome start(String realm, Optional<String> treeName, Optional<String> flowId) {
        return start(realm, treeName, flowId, ClientRequest.UNKNOWN);
    }

    /** As {@link #start(String, Optional, Optional)}, for a request that came from {@code client}. */
    public JourneyOutcome start(String realm, Optional<String> treeName, Optional<String> flowId,
            ClientRequest client) {
        return start(realm, treeName, flowId, client, PresentedMemory.NONE);
    }

    /**
     * As {@link #start(String, Optional, Optional, ClientRequest)}, for a browser that presented an SSO session
     * and node cookies: their remembered results are loaded once, here, and kept in the journey state.
     */
    public JourneyOutcome start(String realm, Optional<String> treeName, Optional<String> flowId,
            ClientRequest client, PresentedMemory presented) {
        if (!trees.realmExists(realm)) {
            throw JourneyException.realmNotFound();
        }
        Optional<LoginFlow> flow = flowId.map(id -> flows.find(realm, id).orElseThrow(JourneyException::unknownFlow));
        Optional<String> name = flow.map(LoginFlow::tree).filter(t -> !t.isBlank()).or(() -> treeName);
        StoredTree tree = inlined(name.map(n -> trees.findLatest(realm, n))
                .orElseGet(() -> trees.findDefault(realm))
                .orElseThrow(JourneyException::treeNotFound));
        JourneyState state = new JourneyState(UUID.randomUUID().toString(), realm, tree.name(), tree.version(),
                tree.definition().start(), Map.of(), flow.map(LoginFlow::flowId).orElse(null),
                flow.map(LoginFlow::resumeUrl).orElse(null), 0);
        if (memory != null) {
            state = state.withMemory(memory.load(realm, tree, presented == null ? PresentedMemory.NONE : presented));
        }
        runner.started(state);
        return runner.run(tree, state, 0, List.of(), client);
    }

    /** Continues a journey with the client's answers to the step {@code authId} was issued for. */
    public JourneyOutcome resume(String realm, String authId, List<Callback> answers) {
        return resume(realm, authId, answers, ClientRequest.UNKNOWN);
    }

    /** As {@link #resume(String, String, List)}, for a request that came from {@code client}. */
    public JourneyOutcome resume(String realm, String authId, List<Callback> answers, ClientRequest client) {
        if (!trees.realmExists(realm)) {
            throw JourneyException.realmNotFound();
        }
        AuthId claims = authIds.decode(authId)
                .filter(c -> c.realm().equals(realm))
                .orElseThrow(JourneyException::expired);
        JourneyStore.Stored stored = store.load(claims.journeyId())
                .filter(s -> s.version() == claims.version() && s.state().realm().equals(realm))
                .orElseThrow(JourneyException::expired);
        if (answers.isEmpty()) {
            throw JourneyException.badInput("The step carries no callbacks");
        }
        JourneyState state = stored.state();
        StoredTree tree = inlined(trees.find(realm, state.tree(), state.treeVersion())
                .orElseThrow(JourneyException::expired));
        if (!TreeDefinition.isTerminal(state.currentNode())
                && !tree.definition().nodes().containsKey(state.currentNode())) {
            throw JourneyException.expired(); // an inner tree changed under a running journey
        }
        return runner.run(tree, state, stored.version(), answers, client);
    }

    /** The tree with its InnerTree nodes replaced by the inner trees' current published versions. */
    private StoredTree inlined(StoredTree tree) {
        TreeDefinition definition = InnerTrees.expand(tree.name(), tree.definition(),
                name -> trees.findLatest(tree.realm(), name).map(StoredTree::definition));
        return definition == tree.definition() ? tree
                : new StoredTree(tree.realm(), tree.name(), tree.version(), tree.isDefault(), definition);
    }
}
