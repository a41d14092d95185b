package dev.arbor.federation.port;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Set;

/**
 * The clients that took part in an SSO session — each got an authorization code for it — and so are
 * told when it ends (OpenID Connect Front-Channel Logout 1.0 §3, Back-Channel Logout 1.0 §2.7).
 * Shared by every replica; an entry lives as long as its session.
 */
public interface LogoutParticipants {

    /** Adds the client to the session's participants, kept until {@code sessionExpiresAt}. */
    Uni<Void> add(String realm, String sessionId, String clientId, Instant sessionExpiresAt);

    /** The session's participants; empty when none, or the session is forgotten. */
    Uni<Set<String>> of(String realm, String sessionId);

    /** Forgets the session's participants once every one of them was told. */
    Uni<Void> forget(String realm, String sessionId);
}
