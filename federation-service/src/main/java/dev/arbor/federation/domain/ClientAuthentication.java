package dev.arbor.federation.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * How a client authenticates (OIDC Core §9): its registered method and, for
 * {@code private_key_jwt} (RFC 7523 §2.2), its public keys as an inline JWK Set (RFC 7517 §5, the
 * {@code jwks} client metadata of RFC 7591 §2), kept as JSON text.
 */
public record ClientAuthentication(TokenEndpointAuthMethod method, Optional<String> jwks) {

    public ClientAuthentication {
        Objects.requireNonNull(method, "method");
        jwks = jwks == null ? Optional.empty() : jwks;
        if ((method == TokenEndpointAuthMethod.PRIVATE_KEY_JWT) != jwks.isPresent()) {
            throw new IllegalArgumentException("a JWK Set is registered exactly for private_key_jwt");
        }
    }

    /** What a client of this type authenticates with when it registers nothing. */
    public static ClientAuthentication defaultFor(ClientType type) {
        return new ClientAuthentication(TokenEndpointAuthMethod.defaultFor(type), Optional.empty());
    }

    public static ClientAuthentication privateKeyJwt(String jwks) {
        return new ClientAuthentication(TokenEndpointAuthMethod.PRIVATE_KEY_JWT, Optional.of(jwks));
    }
}
