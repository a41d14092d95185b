package dev.arbor.federation.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A relying party registered in a realm (RFC 6749 §2). The secret is kept only as its HMAC
 * ({@link ClientSecretHasher}); public clients have none.
 */
public record Client(String realm, String clientId, String name, ClientType type, Optional<String> secretHash,
                     List<String> redirectUris, List<String> grantTypes, List<String> scopes) {

    public Client {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(type, "type");
        secretHash = secretHash == null ? Optional.empty() : secretHash;
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
        scopes = List.copyOf(scopes);
    }

    public boolean isPublic() {
        return type == ClientType.PUBLIC;
    }

    /** RFC 6749 §3.1.2.3 — redirect URIs are compared as strings, exactly. */
    public boolean hasRedirectUri(String uri) {
        return uri != null && redirectUris.contains(uri);
    }

    public boolean allowsGrant(String grantType) {
        return grantTypes.contains(grantType);
    }

    public boolean allowsScopes(List<String> requested) {
        return scopes.containsAll(requested);
    }
}
