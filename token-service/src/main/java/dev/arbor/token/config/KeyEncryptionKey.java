package dev.arbor.token.config;

import java.util.Arrays;
import java.util.Base64;

/**
 * The AES-256 key-encryption key (RFC 7518 §4.5, direct encryption with A256GCM §5.3) that protects
 * private signing keys at rest. Its {@link #toString()} never shows the key.
 */
public final class KeyEncryptionKey {

    static final String PROPERTY = "arbor.token.key-encryption-key";
    private static final int LENGTH = 32;

    private final byte[] bytes;

    private KeyEncryptionKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @throws IllegalStateException with a message naming the property and the env var when the
     *         value is missing, not base64url, or not 32 bytes long (the value itself is never shown)
     */
    public static KeyEncryptionKey parse(String base64Url) {
        if (base64Url == null || base64Url.isBlank()) {
            throw invalid("is missing");
        }
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(base64Url.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("is not base64url");
        }
        if (decoded.length != LENGTH) {
            throw invalid("decodes to " + decoded.length + " bytes, not " + LENGTH);
        }
        return new KeyEncryptionKey(decoded);
    }

    public byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[redacted]";
    }

    private static IllegalStateException invalid(String problem) {
        return new IllegalStateException(PROPERTY + " (env ARBOR_TOKEN_KEY_ENCRYPTION_KEY) " + problem
                + ": it must be the base64url encoding of 32 random bytes, e.g. `openssl rand 32 | basenc --base64url`");
    }
}
