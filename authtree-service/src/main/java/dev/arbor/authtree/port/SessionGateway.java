package dev.arbor.authtree.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Creates SSO sessions (session-store {@code CreateSession}). */
public interface SessionGateway {
    /** @return the new session's id */
    String createSession(String realm, String subject, Instant authTime, String acr, List<String> amr, Duration ttl);
}
