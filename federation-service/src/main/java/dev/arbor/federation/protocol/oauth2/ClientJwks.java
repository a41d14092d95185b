package dev.arbor.federation.protocol.oauth2;

import java.security.interfaces.RSAPublicKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The {@code jwks} a {@code private_key_jwt} client registers (RFC 7591 §2): a JWK Set (RFC 7517 §5)
 * of public signature keys (RSA of 2048 bits or more, EC, OKP). Symmetric keys and private parts are
 * refused, so a leaked registration never holds a signing secret.
 */
public final class ClientJwks {
    private static final int MIN_RSA_BITS = 2048;

    private ClientJwks() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the set (never quoting key material) */
    public static JsonWebKeySet parse(String json) {
        JsonWebKeySet set;
        try {
            set = new JsonWebKeySet(json);
        } catch (JoseException | RuntimeException e) {
            throw new IllegalArgumentException("jwks is not a JWK Set ({\"keys\":[...]})");
        }
        if (set.getJsonWebKeys().isEmpty()) {
            throw new IllegalArgumentException("jwks has no keys");
        }
        for (JsonWebKey key : set.getJsonWebKeys()) {
            requirePublicSignatureKey(key);
        }
        return set;
    }

    /** The set as it is stored: validated, public parts only. */
    public static String normalise(String json) {
        return parse(json).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static void requirePublicSignatureKey(JsonWebKey key) {
        if (!(key instanceof PublicJsonWebKey publicKey)) {
            throw new IllegalArgumentException("jwks may hold only RSA, EC or OKP public keys");
        }
        if (publicKey.getPrivateKey() != null) {
            throw new IllegalArgumentException("jwks must not contain private keys");
        }
        if (key.getUse() != null && !"sig".equals(key.getUse())) {
            throw new IllegalArgumentException("jwks keys must be for use \"sig\"");
        }
        if (key instanceof RsaJsonWebKey rsa && ((RSAPublicKey) rsa.getPublicKey()).getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("jwks RSA keys must have at least 2048 bits");
        }
    }
}
