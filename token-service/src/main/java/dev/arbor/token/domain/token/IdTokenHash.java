package dev.arbor.token.domain.token;

import dev.arbor.token.domain.Base64Url;
import dev.arbor.token.domain.key.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The ID token's {@code at_hash} (OIDC Core §3.1.3.6) and {@code c_hash} (§3.3.2.11): the base64url
 * encoding of the left-most half of the hash of the ASCII octets of the access token or code, with
 * the hash of the ID token's JWS {@code alg}: SHA-256 for RS256, PS256 and ES256, SHA-512 for EdDSA
 * with Ed25519 (OpenID Connect Core errata set 2, §3.1.3.6).
 */
public final class IdTokenHash {

    private IdTokenHash() {
    }

    public static String of(SigningAlgorithm alg, String value) {
        byte[] digest = digest(alg.hashAlgorithm(), value);
        return Base64Url.encode(Arrays.copyOf(digest, digest.length / 2));
    }

    private static byte[] digest(String algorithm, String value) {
        try {
            return MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }
}
