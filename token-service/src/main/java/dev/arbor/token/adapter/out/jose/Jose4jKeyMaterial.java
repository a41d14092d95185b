package dev.arbor.token.adapter.out.jose;

import dev.arbor.token.config.ArborConfig;
import dev.arbor.token.config.KeyEncryptionKey;
import dev.arbor.token.domain.Base64Url;
import dev.arbor.token.domain.key.GeneratedKey;
import dev.arbor.token.port.KeyMaterial;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.concurrent.CompletionStage;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.Use;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.AesKey;
import org.jose4j.lang.JoseException;

/**
 * RS256 keys from jose4j's {@link RsaJwkGenerator} (RFC 7518 §3.3: 2048 bits), private JWKs sealed
 * as compact JWEs with {@code alg=dir}, {@code enc=A256GCM} (RFC 7518 §4.5, §5.3) under the
 * configured key-encryption key.
 */
@Singleton
public class Jose4jKeyMaterial implements KeyMaterial {

    private static final int RSA_BITS = 2048;
    private static final AlgorithmConstraints DIR_ONLY =
            new AlgorithmConstraints(ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.DIRECT);
    private static final AlgorithmConstraints A256GCM_ONLY =
            new AlgorithmConstraints(ConstraintType.PERMIT, ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);

    private final AesKey keyEncryptionKey;
    private final SecureRandom random;

    public Jose4jKeyMaterial(ArborConfig config, SecureRandom random) {
        this.keyEncryptionKey = new AesKey(KeyEncryptionKey.parse(config.token().keyEncryptionKey()).bytes());
        this.random = random;
    }

    /** RSA key generation takes tens to hundreds of milliseconds: it runs on a worker thread. */
    @Override
    public CompletionStage<GeneratedKey> generate() {
        return Uni.createFrom().item(this::generateNow)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .subscribeAsCompletionStage();
    }

    private GeneratedKey generateNow() {
        try {
            RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(RSA_BITS, null, random);
            jwk.setKeyId(Base64Url.randomBytes(random, 16));
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse(Use.SIGNATURE);
            return new GeneratedKey(jwk.getKeyId(), AlgorithmIdentifiers.RSA_USING_SHA256,
                    jwk.toJson(OutputControlLevel.PUBLIC_ONLY), jwk.toJson(OutputControlLevel.INCLUDE_PRIVATE));
        } catch (JoseException e) {
            throw new IllegalStateException("Could not generate an RSA signing key", e);
        }
    }

    @Override
    public String seal(String privateJwk) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
            jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
            jwe.setContentTypeHeaderValue("jwk+json");
            jwe.setKey(keyEncryptionKey);
            jwe.setPayload(privateJwk);
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not encrypt a signing key", e);
        }
    }

    @Override
    public String unseal(String sealedPrivateJwk) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(DIR_ONLY);
            jwe.setContentEncryptionAlgorithmConstraints(A256GCM_ONLY);
            jwe.setCompactSerialization(sealedPrivateJwk);
            jwe.setKey(keyEncryptionKey);
            return jwe.getPayload();
        } catch (JoseException e) {
            // Wrong key-encryption key or tampered row; the message never includes key material.
            throw new IllegalStateException("Could not decrypt a stored signing key: is "
                    + "arbor.token.key-encryption-key the key it was encrypted with?", e);
        }
    }
}
