package dev.arbor.token.port;

import dev.arbor.token.domain.key.GeneratedKey;
import java.util.concurrent.CompletionStage;

/** Generates signing keys and seals their private parts for storage. */
public interface KeyMaterial {

    /** A new RS256 key pair (RFC 7518 §3.3: RSA of at least 2048 bits); may take a while. */
    CompletionStage<GeneratedKey> generate();

    /** Encrypts a private JWK for storage. */
    String seal(String privateJwk);

    /** Decrypts what {@link #seal} produced; fails if it was not sealed under the configured key. */
    String unseal(String sealedPrivateJwk);
}
