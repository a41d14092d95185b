package dev.arbor.token.domain.logout;

import dev.arbor.token.domain.Strings;
import dev.arbor.token.domain.key.SigningAlgorithm;

/**
 * Who a logout token is for and whom it logs out. Back-Channel Logout 1.0 §2.4: a logout token
 * contains a {@code sub}, a {@code sid}, or both.
 *
 * @param alg the algorithm of the client's ID tokens: the RP verifies both with the same key set
 */
public record LogoutTokenRequest(String realm, String clientId, String subject, String sessionId,
        SigningAlgorithm alg) {

    public LogoutTokenRequest {
        if (Strings.isBlank(realm) || Strings.isBlank(clientId)) {
            throw new IllegalArgumentException("realm and client_id are required");
        }
        subject = Strings.orEmpty(subject);
        sessionId = Strings.orEmpty(sessionId);
        if (subject.isEmpty() && sessionId.isEmpty()) {
            throw new IllegalArgumentException("subject or sid is required");
        }
        alg = alg == null ? SigningAlgorithm.DEFAULT : alg;
    }
}
