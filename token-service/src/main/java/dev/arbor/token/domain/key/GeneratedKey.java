package dev.arbor.token.domain.key;

/** A freshly generated key pair as JWKs (RFC 7517 §4); {@link #toString()} hides the private part. */
public record GeneratedKey(String kid, SigningAlgorithm alg, String publicJwk, String privateJwk) {

    @Override
    public String toString() {
        return "GeneratedKey[kid=" + kid + ", alg=" + alg + "]";
    }
}
