package dev.arbor.authtree.adapter.out.crypto;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.port.RecoveryCodeHasher;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HMAC-SHA256 (RFC 2104) of {@code realm NUL subject NUL code} under the pepper
 * {@code arbor.authtree.recovery-code-pepper} (base64url of 32 bytes). The pepper never reaches the database,
 * so a stolen table cannot be brute-forced offline. Unset, the pepper is derived from the authId key with
 * HKDF-SHA256 (RFC 5869) under its own label.
 */
@Startup // a bad pepper stops the service at start, not at the first recovery code
@ApplicationScoped
public class HmacRecoveryCodeHasher implements RecoveryCodeHasher {
    static final String PROPERTY = "arbor.authtree.recovery-code-pepper";
    private static final byte[] INFO = "arbor authtree recovery-code-pepper v1".getBytes(StandardCharsets.US_ASCII);
    private static final int LENGTH = 32;

    private final SecretKeySpec key;

    public HmacRecoveryCodeHasher(ArborConfig config) {
        this.key = new SecretKeySpec(pepper(config.authtree().recoveryCodePepper(), config.authtree().authIdKey()),
                "HmacSHA256");
    }

    @Override
    public byte[] hash(String realm, UUID subject, String normalizedCode) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((realm + "\0" + subject + "\0" + normalizedCode).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    static byte[] pepper(Optional<String> configured, String authIdKey) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            byte[] raw = decode(configured.get(), PROPERTY + " (env ARBOR_AUTHTREE_RECOVERY_CODE_PEPPER)");
            if (raw.length < LENGTH) {
                throw new IllegalStateException(PROPERTY + " decodes to " + raw.length + " bytes, fewer than " + LENGTH
                        + ": it must be the base64url encoding of 32 random bytes");
            }
            return raw;
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(decode(authIdKey, "arbor.authtree.auth-id-key"), null, INFO));
        byte[] derived = new byte[LENGTH];
        hkdf.generateBytes(derived, 0, LENGTH);
        return derived;
    }

    private static byte[] decode(String value, String name) {
        try {
            return Base64.getUrlDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64url");
        }
    }
}
