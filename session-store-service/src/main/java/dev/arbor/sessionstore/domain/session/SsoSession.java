package dev.arbor.sessionstore.domain.session;

import java.time.Instant;
import java.util.List;

/**
 * A single sign-on session: who signed in to which realm, when, and how (OIDC Core 1.0 §2
 * {@code auth_time}, {@code acr}, {@code amr}). The id is the bearer value of the
 * {@code arbor_session} cookie, so it is never logged and never stored in the clear.
 */
public record SsoSession(String id, String realm, String subject, Instant authTime, String acr,
                         List<String> amr, Instant expiresAt) {
    public SsoSession {
        amr = List.copyOf(amr);
        acr = acr == null ? "" : acr;
    }

    public boolean belongsTo(String otherRealm) {
        return realm.equals(otherRealm);
    }

    @Override
    public String toString() {
        return "SsoSession[realm=" + realm + ", subject=" + subject + ", expiresAt=" + expiresAt + "]";
    }
}
