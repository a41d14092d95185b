package dev.arbor.authtree.adapter.out.jose;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The AES-256 key that seals TOTP secrets at rest (RFC 7518 §4.5 direct encryption, §5.3 A256GCM), from
 * {@code arbor.authtree.secret-encryption-key} (env {@code ARBOR_AUTHTREE_SECRET_ENCRYPTION_KEY}, base64url of
 * 32 random bytes). When that is not set, it is derived from the {@code authId} key with HKDF-SHA256
 * (RFC 5869) under its own {@code info} label, so the two keys are independent. Its {@link #toString()}
 * never shows the key.
 */
public final class SecretEncryptionKey {
    static final String PROPERTY = "arbor.authtree.secret-encryption-key";
    private static final byte[] INFO = "arbor authtree secret-encryption-key v1".getBytes(StandardCharsets.US_ASCII);
    private static final int LENGTH = 32;

    private final byte[] bytes;

    private SecretEncryptionKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @throws IllegalStateException naming the property (never the value) when the configured key is bad */
    public static SecretEncryptionKey from(Optional<String> configured, String authIdKey) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            byte[] raw = decode(configured.get(), PROPERTY + " (env ARBOR_AUTHTREE_SECRET_ENCRYPTION_KEY)");
            if (raw.length != LENGTH) {
                throw new IllegalStateException(PROPERTY + " decodes to " + raw.length + " bytes, not " + LENGTH
                        + ": it must be the base64url encoding of 32 random bytes");
            }
            return new SecretEncryptionKey(raw);
        }
        byte[] ikm = decode(authIdKey, "arbor.authtree.auth-id-key");
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, null, INFO));
        byte[] derived = new byte[LENGTH];
        hkdf.generateBytes(derived, 0, LENGTH);
        return new SecretEncryptionKey(derived);
    }

    byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    private static byte[] decode(String value, String name) {
        try {
            return Base64.getUrlDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64url");
        }
    }

    @Override
    public String toString() {
        return "SecretEncryptionKey[redacted]";
    }
}
