package dev.arbor.token.domain.key;

/**
 * A signing key as stored: the public JWK in clear, the private JWK only as a compact JWE
 * (RFC 7516 §7.1) under the key-encryption key.
 */
public record StoredSigningKey(String kid, String realm, String alg, String publicJwk, String sealedPrivateJwk) {
}
