package dev.arbor.token.adapter.out.jose;

import dev.arbor.token.domain.key.SigningKey;
import dev.arbor.token.port.JwtSigner;
import jakarta.inject.Singleton;
import java.security.PrivateKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signs JWTs (RFC 7519) as compact JWS (RFC 7515) with jose4j; {@code alg}, {@code kid} and {@code typ}
 * in the header. jose4j implements RS256, PS256, ES256 (RFC 7518 §3.3-3.5) and EdDSA (RFC 8037 §3.1)
 * on the JDK's own providers.
 */
@Singleton
public class Jose4jJwtSigner implements JwtSigner {

    /** Parsed private keys by kid, so a JWK is parsed once, not per token. */
    private final ConcurrentMap<String, PrivateKey> privateKeys = new ConcurrentHashMap<>();

    @Override
    public String sign(SigningKey key, String typ, Map<String, Object> claims) {
        JwtClaims jwtClaims = new JwtClaims();
        claims.forEach(jwtClaims::setClaim);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(key.alg().jwsName());
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader("typ", typ);
        jws.setPayload(jwtClaims.toJson());
        jws.setKey(privateKeys.computeIfAbsent(key.kid(), kid -> parse(key)));
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token with key " + key.kid(), e);
        }
    }

    private static PrivateKey parse(SigningKey key) {
        try {
            return ((PublicJsonWebKey) JsonWebKey.Factory.newJwk(key.privateJwk())).getPrivateKey();
        } catch (JoseException | ClassCastException e) {
            throw new IllegalStateException("Signing key " + key.kid() + " is not a private JWK");
        }
    }
}
