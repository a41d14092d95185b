package dev.arbor.token.port;

import dev.arbor.token.domain.key.GeneratedKey;
import dev.arbor.token.domain.key.SigningAlgorithm;
import java.util.concurrent.CompletionStage;

/** Generates signing keys and seals their private parts for storage. */
public interface KeyMaterial {

    /**
     * A new key pair for {@code alg}, its JWKs carrying {@code alg} and {@code use=sig} (RFC 7517 §4.2,
     * §4.4): RSA of 2048 bits for RS256 and PS256 (RFC 7518 §3.3, §3.5), P-256 for ES256 (§3.4),
     * Ed25519 for EdDSA (RFC 8037 §3.1). May take a while.
     */
    CompletionStage<GeneratedKey> generate(SigningAlgorithm alg);

    /** Encrypts a private JWK for storage. */
    String seal(String privateJwk);

    /** Decrypts what {@link #seal} produced; fails if it was not sealed under the configured key. */
    String unseal(String sealedPrivateJwk);
}
