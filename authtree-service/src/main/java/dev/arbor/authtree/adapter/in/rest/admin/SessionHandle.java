package dev.arbor.authtree.adapter.in.rest.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The name the admin API gives a session: base64url(SHA-256(session id)) cut to 22 characters (132 bits).
 * The session id is the bearer value of the {@code arbor_session} cookie; the handle names the session
 * without being able to stand in for it, and a handle cannot be turned back into the id.
 */
final class SessionHandle {
    static final int LENGTH = 22;

    private SessionHandle() {
    }

    static String of(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static boolean matches(String sessionId, String handle) {
        return MessageDigest.isEqual(of(sessionId).getBytes(StandardCharsets.US_ASCII),
                handle.getBytes(StandardCharsets.US_ASCII));
    }
}
