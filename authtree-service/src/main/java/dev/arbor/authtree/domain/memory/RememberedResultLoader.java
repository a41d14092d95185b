package dev.arbor.authtree.domain.memory;

import dev.arbor.authtree.domain.session.SsoSession;
import dev.arbor.authtree.domain.tree.NodeMemory;
import dev.arbor.authtree.domain.tree.NodeSpec;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.port.NodeResultSealer;
import dev.arbor.authtree.port.SessionGateway;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads, once at the start of a journey, the remembered results the browser brings: the live SSO session
 * named by its {@code arbor_session} cookie (its id, subject and results) and, for each node of the tree
 * remembered with store {@code cookie}, that node's cookie opened by session-store. Only results still valid
 * and made for this tree's node are kept; a tampered, foreign or expired cookie simply counts as absent.
 */
public final class RememberedResultLoader {
    private static final int MAX_SESSION_ID = 256;

    private final SessionGateway sessions;
    private final NodeResultSealer sealer;
    private final Clock clock;

    public RememberedResultLoader(SessionGateway sessions, NodeResultSealer sealer, Clock clock) {
        this.sessions = sessions;
        this.sealer = sealer;
        this.clock = clock;
    }

    public JourneyMemory load(String realm, StoredTree tree, PresentedMemory presented) {
        Instant now = clock.instant();
        Optional<SsoSession> session = Optional.ofNullable(presented.sessionId())
                .filter(id -> !id.isBlank() && id.length() <= MAX_SESSION_ID)
                .flatMap(id -> sessions.findSession(realm, id))
                .filter(s -> s.realm().equals(realm));
        List<RememberedResult> fromSession = session.map(SsoSession::nodeResults).orElse(List.of()).stream()
                .filter(r -> r.validAt(now, null))
                .toList();
        List<RememberedResult> fromCookies = new ArrayList<>();
        for (Map.Entry<String, NodeSpec> node : tree.definition().nodes().entrySet()) {
            if (node.getValue().remembering().orElse(null) != NodeMemory.Store.COOKIE) {
                continue;
            }
            String sealed = presented.nodeCookies().get(NodeCookies.name(realm, tree.name(), node.getKey()));
            if (sealed == null || sealed.isBlank()) {
                continue;
            }
            sealer.unseal(realm, sealed)
                    .filter(r -> r.tree().equals(tree.name()) && r.nodeId().equals(node.getKey()))
                    .filter(r -> r.validAt(now, null))
                    .ifPresent(fromCookies::add);
        }
        return new JourneyMemory(session.map(SsoSession::id).orElse(null),
                session.map(SsoSession::subject).orElse(null), fromSession, fromCookies, List.of(), List.of(),
                List.of());
    }
}
