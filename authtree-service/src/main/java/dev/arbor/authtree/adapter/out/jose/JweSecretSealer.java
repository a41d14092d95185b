package dev.arbor.authtree.adapter.out.jose;

import dev.arbor.authtree.port.SecretSealer;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * Seals secrets as compact JWEs (RFC 7516) with {@code alg=dir}, {@code enc=A256GCM} (RFC 7518 §4.5, §5.3)
 * under the service's secret-encryption key; only that pair of algorithms is accepted when opening.
 */
public final class JweSecretSealer implements SecretSealer {
    private static final AlgorithmConstraints DIRECT_ONLY =
            new AlgorithmConstraints(ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.DIRECT);
    private static final AlgorithmConstraints A256GCM_ONLY =
            new AlgorithmConstraints(ConstraintType.PERMIT, ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);

    private final SecretKeySpec key;

    public JweSecretSealer(SecretEncryptionKey key) {
        this.key = new SecretKeySpec(key.bytes(), "AES");
    }

    @Override
    public String seal(byte[] secret) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
            jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
            jwe.setKey(key);
            jwe.setPlaintext(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("sealing a secret failed", e);
        }
    }

    @Override
    public Optional<byte[]> open(String sealed) {
        if (sealed == null || sealed.isBlank() || sealed.length() > 4096) {
            return Optional.empty();
        }
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(DIRECT_ONLY);
            jwe.setContentEncryptionAlgorithmConstraints(A256GCM_ONLY);
            jwe.setCompactSerialization(sealed);
            jwe.setKey(key);
            return Optional.of(Base64.getUrlDecoder().decode(jwe.getPlaintextString()));
        } catch (JoseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
