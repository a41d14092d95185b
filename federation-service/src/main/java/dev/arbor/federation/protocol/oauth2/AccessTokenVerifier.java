package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.RevokedTokens;
import dev.arbor.federation.domain.TokenSigningAlgorithms;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Verifies an Arbor access token offline (RFC 9068 §4): RS256, PS256, ES256 or EdDSA signature
 * against the realm's JWK Set, {@code typ} {@code at+jwt}, {@code iss} equal to the realm's issuer,
 * {@code exp} in the future, {@code jti} not in this replica's deny-set of revoked tokens (RFC 7009).
 * Every failure is {@code invalid_token}; the reason is kept generic on the wire.
 */
@ApplicationScoped
public class AccessTokenVerifier {
    private static final int CLOCK_SKEW_SECONDS = 30;
    /** Arbor's access tokens are well under 2 KiB; anything past 16 KiB is refused unparsed. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    /** Only what token-service signs with; never none or HMAC (RFC 8725 §3.1, §3.2). */
    private static final AlgorithmConstraints ARBOR_ALGORITHMS = new AlgorithmConstraints(ConstraintType.PERMIT,
            TokenSigningAlgorithms.ALL.toArray(String[]::new));

    private final JwksCache jwks;
    private final RealmUrls urls;
    private final RevokedTokens revoked;

    public AccessTokenVerifier(JwksCache jwks, RealmUrls urls, RevokedTokens revoked) {
        this.jwks = jwks;
        this.urls = urls;
        this.revoked = revoked;
    }

    /** The token's claims, or a failed Uni with {@link OAuth2Exception} {@code invalid_token}. */
    public Uni<JwtClaims> verify(String realm, String token) {
        return verifyIgnoringRevocation(realm, token).map(claims -> {
            if (revoked.isRevoked(jti(claims))) {
                throw OAuth2Exception.invalidToken("the token has been revoked");
            }
            return claims;
        });
    }

    /**
     * Signature, type, issuer and expiry only: what the revocation endpoint needs to tell whose token it
     * is (revoking a revoked token again is harmless).
     */
    public Uni<JwtClaims> verifyIgnoringRevocation(String realm, String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Uni.createFrom().failure(OAuth2Exception.invalidToken("the token is malformed"));
        }
        String kid;
        try {
            JsonWebStructure structure = JsonWebStructure.fromCompactSerialization(token);
            if (!(structure instanceof JsonWebSignature)) {
                return Uni.createFrom().failure(OAuth2Exception.invalidToken("the token is not a signed JWT"));
            }
            kid = structure.getKeyIdHeaderValue();
        } catch (JoseException | RuntimeException e) {
            return Uni.createFrom().failure(OAuth2Exception.invalidToken("the token is malformed"));
        }
        String issuer = urls.issuer(realm);
        return jwks.keysFor(realm, kid).map(keys -> consume(token, issuer,
                new JwksVerificationKeyResolver(keys.getJsonWebKeys())));
    }

    private static String jti(JwtClaims claims) {
        Object value = claims.getClaimValue("jti");
        return value instanceof String s ? s : null;
    }

    private static JwtClaims consume(String token, String issuer, JwksVerificationKeyResolver keys) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setRequireSubject()
                .setRequireJwtId()
                .setExpectedIssuer(issuer)
                .setSkipDefaultAudienceValidation()
                .setExpectedType(true, "at+jwt")
                .setJwsAlgorithmConstraints(ARBOR_ALGORITHMS)
                .setVerificationKeyResolver(keys)
                .build();
        try {
            return consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw OAuth2Exception.invalidToken(e.hasExpired() ? "the token has expired" : "the token is not valid");
        }
    }
}
