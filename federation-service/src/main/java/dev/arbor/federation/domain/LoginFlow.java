package dev.arbor.federation.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A login in progress, protocol-neutral: a relying party asked for an authenticated user and waits
 * for the answer. Lives in Redis for {@code arbor.federation.login-flow-ttl}; completing it deletes it.
 *
 * @param subject who authenticated, once the flow waits for that user's consent; null before
 * @see LoginFlowState the allowed moves
 */
public record LoginFlow(String id, String realm, String clientId, String protocol, ProtocolRequest request,
                        LoginFlowState state, Instant createdAt, boolean forceLogin, String subject) {

    public LoginFlow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static LoginFlow start(String id, String realm, String protocol, ProtocolRequest request, Instant now) {
        // once sent to the login page, a session from before the flow no longer satisfies prompt=login or max_age
        boolean force = request.forceLogin() || request.maxAgeSeconds() != null;
        return new LoginFlow(id, realm, request.clientId(), protocol, request, LoginFlowState.STARTED, now, force,
                null);
    }

    /** @throws IllegalStateException when the move is not allowed from the current state */
    public LoginFlow moveTo(LoginFlowState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("login flow cannot move from " + state + " to " + next);
        }
        return new LoginFlow(id, realm, clientId, protocol, request, next, createdAt, forceLogin, subject);
    }

    /** Waits for {@code user}'s consent: only that user's session may decide it. */
    public LoginFlow awaitConsentOf(String user) {
        Objects.requireNonNull(user, "user");
        LoginFlow waiting = moveTo(LoginFlowState.AWAITING_CONSENT);
        return new LoginFlow(id, realm, clientId, protocol, request, waiting.state, createdAt, forceLogin, user);
    }

    /**
     * OIDC Core §3.1.2.1 (prompt=login): when the flow forced a login, only a session authenticated
     * after the flow began may complete it.
     */
    public boolean acceptsSessionAuthenticatedAt(long authTimeEpochSeconds) {
        return !forceLogin || authTimeEpochSeconds >= createdAt.getEpochSecond();
    }
}
