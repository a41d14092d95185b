package dev.arbor.authtree.adapter.in.rest.admin;

import dev.arbor.contracts.session.SessionIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The name the admin API gives a session: its public sid ({@link SessionIds}), the same value as the
 * {@code sid} claim of its tokens and the key of its events. The session id is the bearer value of the
 * {@code arbor_session} cookie; the handle names the session without being able to stand in for it.
 */
final class SessionHandle {
    static final int LENGTH = 22;

    private SessionHandle() {
    }

    static String of(String sessionId) {
        return SessionIds.sid(sessionId);
    }

    static boolean matches(String sessionId, String handle) {
        return MessageDigest.isEqual(of(sessionId).getBytes(StandardCharsets.US_ASCII),
                handle.getBytes(StandardCharsets.US_ASCII));
    }
}
