package dev.arbor.sessionstore.domain.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A single sign-on session: who signed in to which realm, when, and how (OIDC Core 1.0 §2
 * {@code auth_time}, {@code acr}, {@code amr}), the node results remembered with it and the properties
 * the tree set. The id is the bearer value of the {@code arbor_session} cookie, so it is never logged and
 * never stored in the clear.
 */
public record SsoSession(String id, String realm, String subject, Instant authTime, String acr,
                         List<String> amr, Instant expiresAt, List<NodeResult> nodeResults,
                         Map<String, String> properties) {
    public SsoSession {
        amr = List.copyOf(amr);
        acr = acr == null ? "" : acr;
        nodeResults = nodeResults == null ? List.of() : List.copyOf(nodeResults);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public boolean belongsTo(String otherRealm) {
        return realm.equals(otherRealm);
    }

    public boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /** The session as a caller sees it at {@code now}: only the node results still valid. */
    public SsoSession withResultsValidAt(Instant now) {
        return new SsoSession(id, realm, subject, authTime, acr, amr, expiresAt,
                nodeResults.stream().filter(result -> result.validAt(now)).toList(), properties);
    }

    @Override
    public String toString() {
        return "SsoSession[realm=" + realm + ", subject=" + subject + ", expiresAt=" + expiresAt + "]";
    }
}
