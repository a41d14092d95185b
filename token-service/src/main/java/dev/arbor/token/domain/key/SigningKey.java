package dev.arbor.token.domain.key;

/**
 * A realm's signing key, decrypted and ready to sign (RFC 7517 JWK with its private parts).
 * {@link #toString()} never shows the private JWK, so the key cannot leak through a log line.
 */
public record SigningKey(String kid, String realm, SigningAlgorithm alg, String privateJwk) {

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", realm=" + realm + ", alg=" + alg + "]";
    }
}
