package dev.arbor.token.domain.token;

import dev.arbor.token.domain.Strings;
import java.util.List;

/**
 * Everything the token issuer needs once a grant has been checked.
 *
 * @param endUser                     the user behind the token, or {@code null} for a client acting
 *                                    on its own behalf (RFC 6749 §4.4)
 * @param nonce                       OIDC Core §3.1.2.1, copied into the ID token; may be empty
 * @param accessTokenLifetimeSeconds  requested lifetime; 0 or less means the configured default
 */
public record TokenRequest(String realm, String issuer, String clientId, List<String> scopes, String nonce,
        EndUser endUser, long accessTokenLifetimeSeconds) {

    public TokenRequest {
        requireText(realm, "realm");
        requireText(issuer, "issuer");
        requireText(clientId, "client_id");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        nonce = Strings.orEmpty(nonce);
    }

    public boolean hasEndUser() {
        return endUser != null;
    }

    /** OIDC Core §3.1.2.1: an ID token is issued only when the {@code openid} scope was granted, for a user. */
    public boolean wantsIdToken() {
        return hasEndUser() && scopes.contains("openid");
    }

    public String scope() {
        return String.join(" ", scopes);
    }

    private static void requireText(String value, String name) {
        if (Strings.isBlank(value)) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
