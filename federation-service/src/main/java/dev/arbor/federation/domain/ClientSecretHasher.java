package dev.arbor.federation.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client secrets at rest: {@code HMAC-SHA256(pepper, secret)}, base64url. Secrets are long random
 * strings chosen by the operator, so a keyed hash (not a slow password hash) is enough; the pepper
 * keeps a stolen table useless without the service's configuration. Comparison is constant time.
 */
public final class ClientSecretHasher {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public ClientSecretHasher(String pepper) {
        if (pepper == null || pepper.isBlank()) {
            throw new IllegalArgumentException("the client secret pepper must not be empty");
        }
        this.key = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String hash(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(secret));
    }

    /** True when {@code presented} is the secret behind {@code storedHash}. */
    public boolean matches(String presented, Optional<String> storedHash) {
        if (presented == null || storedHash.isEmpty()) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getUrlDecoder().decode(storedHash.get());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(presented), expected);
    }

    private byte[] mac(String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
