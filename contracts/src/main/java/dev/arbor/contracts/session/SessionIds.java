package dev.arbor.contracts.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * An SSO session has two identifiers. Its <em>id</em> is the bearer secret in the {@code arbor_session}
 * cookie: only the browser, authtree and session-store ever see it. Its <em>sid</em> is public: the
 * {@code sid} claim of ID, access and logout tokens, the key of session events on Kafka, the handle in the
 * admin API and in front-channel logout URLs. The sid is derived from the id by a one-way function, so
 * whoever holds a token or reads the topic cannot take over the session.
 */
public final class SessionIds {
    private static final byte[] LABEL = "arbor-sid-v1:".getBytes(StandardCharsets.US_ASCII);

    private SessionIds() {
    }

    /** The public sid of the session {@code sessionId}: base64url of the first 16 bytes of a SHA-256. */
    public static String sid(String sessionId) {
        if (sessionId == null || sessionId.isEmpty()) {
            throw new IllegalArgumentException("no session id");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(LABEL);
            byte[] digest = sha256.digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
