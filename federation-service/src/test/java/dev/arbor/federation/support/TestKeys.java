package dev.arbor.federation.support;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * The fake token service's signing keys (RS256 first, then ES256 and EdDSA, as token-service
 * publishes a realm with clients on several algorithms), and keys an attacker might sign with.
 */
public final class TestKeys {
    public static final RsaJsonWebKey SIGNING = generate("test-key-1");
    /** Same kid as {@link #SIGNING}, different key: a forgery. */
    public static final RsaJsonWebKey FORGED_SAME_KID = generate("test-key-1");
    /** A kid the JWKS never lists. */
    public static final RsaJsonWebKey UNKNOWN_KID = generate("attacker-key");
    /** P-256 key of the realm (RFC 7518 §3.4). */
    public static final PublicJsonWebKey ES256 = ec("test-key-es256");
    /** Ed25519 key of the realm (RFC 8037 §3.1). */
    public static final PublicJsonWebKey EDDSA = ed25519("test-key-eddsa");

    private TestKeys() {
    }

    public static String jwksJson() {
        return new JsonWebKeySet(SIGNING, ES256, EDDSA).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static RsaJsonWebKey generate(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setAlgorithm("RS256");
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicJsonWebKey ec(String kid) {
        try {
            return withUse(EcJwkGenerator.generateJwk(EllipticCurves.P256), kid, "ES256");
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicJsonWebKey ed25519(String kid) {
        try {
            return withUse(OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519), kid, "EdDSA");
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicJsonWebKey withUse(PublicJsonWebKey key, String kid, String alg) {
        key.setKeyId(kid);
        key.setAlgorithm(alg);
        key.setUse("sig");
        return key;
    }
}
