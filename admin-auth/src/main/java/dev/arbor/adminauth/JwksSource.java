package dev.arbor.adminauth;

import java.util.Optional;

/**
 * Where {@link AdminTokenVerifier} gets the admin realm's JWK Set (RFC 7517 §5) as JSON. Given the
 * token's {@code kid} (may be null) so that a caching source can refetch once for a rotated key.
 * Empty when the set cannot be had at all. Called only for a token that is well-formed.
 */
@FunctionalInterface
public interface JwksSource {
    Optional<String> jwksJson(String kid);
}
