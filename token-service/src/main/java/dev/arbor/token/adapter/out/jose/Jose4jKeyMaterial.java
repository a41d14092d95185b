package dev.arbor.token.adapter.out.jose;

import dev.arbor.token.config.ArborConfig;
import dev.arbor.token.config.KeyEncryptionKey;
import dev.arbor.token.domain.Base64Url;
import dev.arbor.token.domain.key.GeneratedKey;
import dev.arbor.token.domain.key.SigningAlgorithm;
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
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.Use;
import org.jose4j.keys.AesKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Signing keys from jose4j's generators: RSA of 2048 bits for RS256 and PS256 (RFC 7518 §3.3, §3.5),
 * P-256 for ES256 (§3.4), Ed25519 as an OKP JWK for EdDSA (RFC 8037 §2, §3.1). Each JWK names its
 * {@code alg} (RFC 7517 §4.4), so one key serves one algorithm. Private JWKs are sealed as compact
 * JWEs with {@code alg=dir}, {@code enc=A256GCM} (RFC 7518 §4.5, §5.3) under the key-encryption key.
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

    /** RSA key generation takes tens to hundreds of milliseconds: every generation runs on a worker thread. */
    @Override
    public CompletionStage<GeneratedKey> generate(SigningAlgorithm alg) {
        return Uni.createFrom().item(() -> generateNow(alg))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .subscribeAsCompletionStage();
    }

    private GeneratedKey generateNow(SigningAlgorithm alg) {
        try {
            PublicJsonWebKey jwk = switch (alg) {
                case RS256, PS256 -> RsaJwkGenerator.generateJwk(RSA_BITS, null, random);
                case ES256 -> EcJwkGenerator.generateJwk(EllipticCurves.P256, null, random);
                case EdDSA -> OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519, null, random);
            };
            jwk.setKeyId(Base64Url.randomBytes(random, 16));
            jwk.setAlgorithm(alg.jwsName());
            jwk.setUse(Use.SIGNATURE);
            return new GeneratedKey(jwk.getKeyId(), alg, jwk.toJson(OutputControlLevel.PUBLIC_ONLY),
                    jwk.toJson(OutputControlLevel.INCLUDE_PRIVATE));
        } catch (JoseException e) {
            throw new IllegalStateException("Could not generate a " + alg.jwsName() + " signing key", e);
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
