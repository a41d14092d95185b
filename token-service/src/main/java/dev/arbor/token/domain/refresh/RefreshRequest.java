package dev.arbor.token.domain.refresh;

import dev.arbor.token.domain.Strings;
import dev.arbor.token.domain.key.SigningAlgorithm;
import java.util.List;

/**
 * An access token request with {@code grant_type=refresh_token} (RFC 6749 §6); the client has been
 * authenticated (or, if public, identified) by the caller.
 *
 * @param scopes empty keeps the originally granted scope; otherwise a subset of it
 * @param accessTokenLifetimeSeconds 0 or less: the configured default
 * @param signingAlg the JWS alg of the new access and ID token (the client's current one)
 */
public record RefreshRequest(String realm, String issuer, String clientId, String refreshToken,
        List<String> scopes, long accessTokenLifetimeSeconds, RefreshPolicy policy, SigningAlgorithm signingAlg) {

    public RefreshRequest {
        if (Strings.isBlank(realm) || Strings.isBlank(issuer) || Strings.isBlank(clientId)) {
            throw new IllegalArgumentException("realm, issuer and client_id are required");
        }
        refreshToken = Strings.orEmpty(refreshToken);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        policy = policy == null ? RefreshPolicy.NONE : policy;
        signingAlg = signingAlg == null ? SigningAlgorithm.DEFAULT : signingAlg;
    }

    @Override
    public String toString() {
        return "RefreshRequest[realm=" + realm + ", clientId=" + clientId + ", scopes=" + scopes + "]";
    }
}
