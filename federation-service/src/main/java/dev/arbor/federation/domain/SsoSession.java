package dev.arbor.federation.domain;

import java.util.List;

/**
 * An SSO session as session-store-service reports it (times in epoch seconds). {@code id} is the cookie
 * value, a bearer secret that never leaves federation; {@code sid} is the public identifier tokens, logout
 * messages and events carry.
 */
public record SsoSession(String id, String sid, String realm, String subject, long authTime, String acr,
                         List<String> amr, long expiresAt) {
    public SsoSession {
        amr = List.copyOf(amr);
    }

    public boolean isActiveAt(long nowEpochSeconds) {
        return expiresAt == 0 || nowEpochSeconds < expiresAt;
    }
}
