package dev.arbor.federation.config;

import java.util.Arrays;
import java.util.Base64;

/**
 * The AES-256 key-encryption key that seals the realms' SAML private keys at rest
 * ({@code arbor.federation.saml-key-encryption-key}). Its {@link #toString()} never shows the key.
 */
public final class SamlKeyEncryptionKey {
    static final String PROPERTY = "arbor.federation.saml-key-encryption-key";
    private static final int LENGTH = 32;

    private final byte[] bytes;

    private SamlKeyEncryptionKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Accepts base64 or base64url, padded or not.
     *
     * @throws IllegalStateException naming the property and its env var (never the value) when it is
     *         missing, not base64, or not 32 bytes
     */
    public static SamlKeyEncryptionKey parse(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            throw invalid("is missing");
        }
        byte[] decoded;
        try {
            String url = encoded.strip().replace('+', '-').replace('/', '_').replace("=", "");
            decoded = Base64.getUrlDecoder().decode(url);
        } catch (IllegalArgumentException e) {
            throw invalid("is not base64");
        }
        if (decoded.length != LENGTH) {
            throw invalid("decodes to " + decoded.length + " bytes, not " + LENGTH);
        }
        return new SamlKeyEncryptionKey(decoded);
    }

    public byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    @Override
    public String toString() {
        return "SamlKeyEncryptionKey[redacted]";
    }

    private static IllegalStateException invalid(String problem) {
        return new IllegalStateException(PROPERTY + " (env ARBOR_FEDERATION_SAML_KEY_ENCRYPTION_KEY) " + problem
                + ": it must be the base64 encoding of 32 random bytes, e.g. `openssl rand -base64 32`");
    }
}
