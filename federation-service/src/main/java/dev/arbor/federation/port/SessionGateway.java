package dev.arbor.federation.port;

import dev.arbor.federation.domain.SsoSession;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/** session-store-service: SSO sessions. */
public interface SessionGateway {
    /** The session if it exists in that realm and has not ended. */
    Uni<Optional<SsoSession>> find(String realm, String sessionId);

    /**
     * Ends the session; session-store publishes {@code session.ended} with {@code reason}.
     *
     * @return false when there was no such live session
     */
    Uni<Boolean> end(String realm, String sessionId, String reason);

    /** The subject's live sessions in that realm (SAML logout finds a session by its sid this way). */
    Uni<List<SsoSession>> sessionsOf(String realm, String subject);
}
