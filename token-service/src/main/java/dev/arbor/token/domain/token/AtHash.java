package dev.arbor.token.domain.token;

import dev.arbor.token.domain.Base64Url;
import java.util.Arrays;

/**
 * OIDC Core §3.1.3.6: {@code at_hash} is the base64url encoding of the left-most half of the hash of
 * the ASCII octets of the access token, using the hash of the ID token's {@code alg} (SHA-256 for RS256).
 */
public final class AtHash {

    private AtHash() {
    }

    public static String of(String accessToken) {
        byte[] digest = Base64Url.sha256(accessToken);
        return Base64Url.encode(Arrays.copyOf(digest, digest.length / 2));
    }
}
