package dev.arbor.token.support;

import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/** Verifies tokens the way a relying party or resource server would: offline, against the JWKS. */
public final class JwksVerifier {

    private final List<JsonWebKey> keys;

    public JwksVerifier(String jwksJson) throws Exception {
        this.keys = new JsonWebKeySet(jwksJson).getJsonWebKeys();
    }

    /** Verifies signature (Arbor's four algorithms only), type, issuer, audience and expiry; returns the claims. */
    public JwtClaims verify(String jwt, String expectedType, String issuer, String audience) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys))
                .setJwsAlgorithmConstraints(
                        new AlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256,
                                AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, AlgorithmIdentifiers.EDDSA))
                .setExpectedType(true, expectedType)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .build()
                .processToClaims(jwt);
    }

    public static String kid(String jwt) throws Exception {
        return header(jwt, "kid");
    }

    /** A JOSE header parameter of the token, read without verifying it. */
    public static String header(String jwt, String name) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(jwt);
        return jws.getHeader(name);
    }
}
