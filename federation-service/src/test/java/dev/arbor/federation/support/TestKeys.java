package dev.arbor.federation.support;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

/** The fake token service's signing key, and a second key an attacker might sign with. */
public final class TestKeys {
    public static final RsaJsonWebKey SIGNING = generate("test-key-1");
    /** Same kid as {@link #SIGNING}, different key: a forgery. */
    public static final RsaJsonWebKey FORGED_SAME_KID = generate("test-key-1");
    /** A kid the JWKS never lists. */
    public static final RsaJsonWebKey UNKNOWN_KID = generate("attacker-key");

    private TestKeys() {
    }

    public static String jwksJson() {
        return new JsonWebKeySet(SIGNING).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
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
}
