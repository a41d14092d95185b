package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.session.NewSession;
import dev.arbor.authtree.domain.session.SsoSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SSO sessions, kept by session-store ({@code CreateSession}, {@code GetSession}, {@code ListSessions}, {@code EndSession}). */
public interface SessionGateway {
    /** @return the new session's id */
    String createSession(NewSession session);

    /** @return the new session's id; a session without remembered results, properties or predecessor */
    default String createSession(String realm, String subject, Instant authTime, String acr, List<String> amr,
            Duration ttl) {
        return createSession(new NewSession(realm, subject, authTime, acr, amr, ttl, List.of(), null, null));
    }

    /** The live session {@code sessionId} of {@code realm}; empty when unknown, ended or expired. */
    Optional<SsoSession> findSession(String realm, String sessionId);

    /** The live sessions of {@code subject}. */
    List<SsoSession> listSessions(String realm, String subject);

    /**
     * Ends a session; session-store publishes {@code session.ended} with {@code reason}
     * ({@code logout}, {@code admin}, {@code replaced}).
     *
     * @return false when there was no such live session
     */
    boolean endSession(String realm, String sessionId, String reason);
}
