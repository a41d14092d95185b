package dev.arbor.sessionstore.adapter.out.redis;

import dev.arbor.sessionstore.domain.session.NodeResult;
import dev.arbor.sessionstore.domain.session.SsoSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON value of an SSO session key. It deliberately has no clear id field: the key holds only the
 * id's digest, and the value holds the id sealed ({@code sealedId}, JWE under the node-result key) so
 * that ListSessions can give it back to its caller while a Redis dump cannot.
 */
record StoredSession(String realm, String subject, long authTime, String acr, List<String> amr, long expiresAt,
                     String sealedId, List<StoredResult> nodeResults, Map<String, String> properties) {
    record StoredResult(String tree, String nodeId, String outcome, Map<String, String> shared, String subject,
                        long rememberedAt, long expiresAt) {
        static StoredResult of(NodeResult result) {
            return new StoredResult(result.tree(), result.nodeId(), result.outcome(), result.shared(),
                    result.subject(), result.rememberedAt().getEpochSecond(), result.expiresAt().getEpochSecond());
        }

        NodeResult toResult() {
            return new NodeResult(tree, nodeId, outcome, shared, subject, Instant.ofEpochSecond(rememberedAt),
                    Instant.ofEpochSecond(expiresAt));
        }
    }

    static StoredSession of(SsoSession session, String sealedId) {
        return new StoredSession(session.realm(), session.subject(), session.authTime().getEpochSecond(),
                session.acr(), session.amr(), session.expiresAt().getEpochSecond(), sealedId,
                session.nodeResults().stream().map(StoredResult::of).toList(), session.properties());
    }

    SsoSession withId(String id) {
        return new SsoSession(id, realm, subject, Instant.ofEpochSecond(authTime), acr,
                amr == null ? List.of() : amr, Instant.ofEpochSecond(expiresAt),
                nodeResults == null ? List.of() : nodeResults.stream().map(StoredResult::toResult).toList(),
                properties);
    }
}
