package dev.arbor.federation.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A relying party registered in a realm (RFC 6749 §2). The secret is kept only as its HMAC
 * ({@link ClientSecretHasher}); public clients have none.
 *
 * <p>{@code tokenSigningAlg} is the JWS alg of the client's access and ID tokens, or {@code null} for
 * the realm's default. A client loaded from the database already has its realm's default filled in
 * when it names none; only when neither is set is it {@code null} (token-service signs RS256).
 */
public record Client(String realm, String clientId, String name, ClientType type, Optional<String> secretHash,
                     List<String> redirectUris, List<String> grantTypes, List<String> scopes,
                     RefreshTokenLifetimes refreshTokenLifetimes, ClientAuthentication authentication,
                     String tokenSigningAlg, AuthorizationPolicy authorizationPolicy, ClientLogout logout) {

    /** A client that registered nothing for logout ({@link ClientLogout#NONE}). */
    public Client(String realm, String clientId, String name, ClientType type, Optional<String> secretHash,
                  List<String> redirectUris, List<String> grantTypes, List<String> scopes,
                  RefreshTokenLifetimes refreshTokenLifetimes, ClientAuthentication authentication,
                  String tokenSigningAlg, AuthorizationPolicy authorizationPolicy) {
        this(realm, clientId, name, type, secretHash, redirectUris, grantTypes, scopes, refreshTokenLifetimes,
                authentication, tokenSigningAlg, authorizationPolicy, ClientLogout.NONE);
    }

    /** A client with the default authorization-endpoint rules ({@link AuthorizationPolicy#DEFAULTS}). */
    public Client(String realm, String clientId, String name, ClientType type, Optional<String> secretHash,
                  List<String> redirectUris, List<String> grantTypes, List<String> scopes,
                  RefreshTokenLifetimes refreshTokenLifetimes, ClientAuthentication authentication,
                  String tokenSigningAlg) {
        this(realm, clientId, name, type, secretHash, redirectUris, grantTypes, scopes, refreshTokenLifetimes,
                authentication, tokenSigningAlg, AuthorizationPolicy.DEFAULTS);
    }

    /** A client whose tokens are signed with its realm's default algorithm. */
    public Client(String realm, String clientId, String name, ClientType type, Optional<String> secretHash,
                  List<String> redirectUris, List<String> grantTypes, List<String> scopes,
                  RefreshTokenLifetimes refreshTokenLifetimes, ClientAuthentication authentication) {
        this(realm, clientId, name, type, secretHash, redirectUris, grantTypes, scopes, refreshTokenLifetimes,
                authentication, null);
    }

    /** A client that authenticates the default way for its type (client_secret_basic or none). */
    public Client(String realm, String clientId, String name, ClientType type, Optional<String> secretHash,
                  List<String> redirectUris, List<String> grantTypes, List<String> scopes,
                  RefreshTokenLifetimes refreshTokenLifetimes) {
        this(realm, clientId, name, type, secretHash, redirectUris, grantTypes, scopes, refreshTokenLifetimes,
                ClientAuthentication.defaultFor(type));
    }

    /** A client whose refresh tokens (if it may use them) live as long as token-service's defaults. */
    public Client(String realm, String clientId, String name, ClientType type, Optional<String> secretHash,
                  List<String> redirectUris, List<String> grantTypes, List<String> scopes) {
        this(realm, clientId, name, type, secretHash, redirectUris, grantTypes, scopes,
                RefreshTokenLifetimes.DEFAULTS);
    }

    public Client {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(type, "type");
        secretHash = secretHash == null ? Optional.empty() : secretHash;
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
        scopes = List.copyOf(scopes);
        refreshTokenLifetimes = refreshTokenLifetimes == null ? RefreshTokenLifetimes.DEFAULTS : refreshTokenLifetimes;
        authentication = authentication == null ? ClientAuthentication.defaultFor(type) : authentication;
        authorizationPolicy = authorizationPolicy == null ? AuthorizationPolicy.DEFAULTS : authorizationPolicy;
        logout = logout == null ? ClientLogout.NONE : logout;
        if (tokenSigningAlg != null && !TokenSigningAlgorithms.isSupported(tokenSigningAlg)) {
            throw new IllegalArgumentException("client " + clientId + ": tokenSigningAlg must be one of "
                    + String.join(", ", TokenSigningAlgorithms.ALL));
        }
        if ((type == ClientType.PUBLIC) != (authentication.method() == TokenEndpointAuthMethod.NONE)) {
            throw new IllegalArgumentException("client " + clientId + ": public clients, and only they, use none");
        }
        if (authentication.method() == TokenEndpointAuthMethod.PRIVATE_KEY_JWT && secretHash.isPresent()) {
            throw new IllegalArgumentException("client " + clientId + ": a private_key_jwt client has no secret");
        }
    }

    public TokenEndpointAuthMethod tokenEndpointAuthMethod() {
        return authentication.method();
    }

    public boolean isPublic() {
        return type == ClientType.PUBLIC;
    }

    /** The same client with these logout registrations. */
    public Client withLogout(ClientLogout value) {
        return new Client(realm, clientId, name, type, secretHash, redirectUris, grantTypes, scopes,
                refreshTokenLifetimes, authentication, tokenSigningAlg, authorizationPolicy, value);
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
