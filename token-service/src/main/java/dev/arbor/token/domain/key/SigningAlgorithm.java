package dev.arbor.token.domain.key;

import java.util.Optional;

/**
 * The JWS algorithms Arbor signs tokens with (RFC 7518 §3.1, RFC 8037 §3.1), each with the hash that
 * OIDC Core §3.1.3.6 uses for {@code at_hash} and {@code c_hash}: the hash of the JWS alg, so SHA-256
 * for RS256, PS256 and ES256, and SHA-512 for EdDSA with Ed25519 (OpenID Connect Core errata set 2).
 * A key is bound to one algorithm through its JWK {@code alg} (RFC 7517 §4.4): RS256 and PS256 never
 * share an RSA key.
 */
public enum SigningAlgorithm {
    RS256("RS256", "SHA-256"),
    PS256("PS256", "SHA-256"),
    ES256("ES256", "SHA-256"),
    EdDSA("EdDSA", "SHA-512");

    /** What token-service signs with when the request names no algorithm. */
    public static final SigningAlgorithm DEFAULT = RS256;

    private final String jwsName;
    private final String hashAlgorithm;

    SigningAlgorithm(String jwsName, String hashAlgorithm) {
        this.jwsName = jwsName;
        this.hashAlgorithm = hashAlgorithm;
    }

    /** The {@code alg} header value (RFC 7515 §4.1.1). */
    public String jwsName() {
        return jwsName;
    }

    /** The JCA name of the hash behind {@code at_hash} and {@code c_hash}. */
    public String hashAlgorithm() {
        return hashAlgorithm;
    }

    /** The algorithm named exactly (case-sensitive, RFC 7515 §4.1.1), or empty. */
    public static Optional<SigningAlgorithm> find(String name) {
        for (SigningAlgorithm alg : values()) {
            if (alg.jwsName.equals(name)) {
                return Optional.of(alg);
            }
        }
        return Optional.empty();
    }

    /**
     * An algorithm of a request: empty means {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException for any other name (a malformed call)
     */
    public static SigningAlgorithm ofRequest(String name) {
        if (name == null || name.isEmpty()) {
            return DEFAULT;
        }
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "signing_alg must be one of RS256, PS256, ES256, EdDSA"));
    }
}
