package dev.arbor.token.domain.code;

import dev.arbor.token.domain.Strings;

/**
 * An access token request with {@code grant_type=authorization_code} (RFC 6749 §4.1.3, RFC 7636 §4.5);
 * the client has been authenticated (or, if public, identified) by the caller.
 */
public record RedemptionRequest(String realm, String code, String clientId, String redirectUri,
        String codeVerifier) {

    public RedemptionRequest {
        realm = Strings.orEmpty(realm);
        code = Strings.orEmpty(code);
        clientId = Strings.orEmpty(clientId);
        redirectUri = Strings.orEmpty(redirectUri);
        codeVerifier = Strings.orEmpty(codeVerifier);
    }

    @Override
    public String toString() {
        return "RedemptionRequest[realm=" + realm + ", clientId=" + clientId + "]";
    }
}
