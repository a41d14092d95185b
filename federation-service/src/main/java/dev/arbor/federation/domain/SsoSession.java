package dev.arbor.federation.domain;

import java.util.List;

/** An SSO session as session-store-service reports it (times in epoch seconds). */
public record SsoSession(String id, String realm, String subject, long authTime, String acr, List<String> amr,
                         long expiresAt) {
    public SsoSession {
        amr = List.copyOf(amr);
    }

    public boolean isActiveAt(long nowEpochSeconds) {
        return expiresAt == 0 || nowEpochSeconds < expiresAt;
    }
}
