package dev.arbor.sessionstore.adapter.out.redis;

import dev.arbor.sessionstore.domain.session.SsoSession;
import java.time.Instant;
import java.util.List;

/**
 * The JSON value of an SSO session key. It deliberately has no id field: the key holds only the
 * id's digest, and the value must not give the id back either.
 */
record StoredSession(String realm, String subject, long authTime, String acr, List<String> amr, long expiresAt) {
    static StoredSession of(SsoSession session) {
        return new StoredSession(session.realm(), session.subject(), session.authTime().getEpochSecond(),
                session.acr(), session.amr(), session.expiresAt().getEpochSecond());
    }

    SsoSession withId(String id) {
        return new SsoSession(id, realm, subject, Instant.ofEpochSecond(authTime), acr,
                amr == null ? List.of() : amr, Instant.ofEpochSecond(expiresAt));
    }
}
