package dev.arbor.authtree.adapter.out.jose;

import dev.arbor.authtree.domain.journey.AuthId;
import dev.arbor.authtree.port.AuthIdCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.lang.JoseException;

/**
 * {@code authId} as a compact JWS (RFC 7515) with HS256 (RFC 7518 §3.2) over JWT claims (RFC 7519):
 * {@code jid} (journey id), {@code realm}, {@code ver} (stored journey version), {@code iat}, {@code exp}.
 * Only HS256 is accepted, so {@code alg: none} or an algorithm switch fails verification.
 */
public final class JwsAuthIdCodec implements AuthIdCodec {
    private static final String TYPE = "arbor-auth-id+jwt";

    private final SecretKeySpec key;
    private final Clock clock;

    public JwsAuthIdCodec(String base64UrlKey, Clock clock) {
        byte[] raw = Base64.getUrlDecoder().decode(base64UrlKey.strip());
        if (raw.length < 32) {
            throw new IllegalArgumentException("arbor.authtree.auth-id-key must be base64url of at least 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
        this.clock = clock;
    }

    @Override
    public String encode(AuthId authId) {
        JwtClaims claims = new JwtClaims();
        claims.setStringClaim("jid", authId.journeyId());
        claims.setStringClaim("realm", authId.realm());
        claims.setClaim("ver", authId.version());
        claims.setIssuedAt(NumericDate.fromMilliseconds(clock.millis()));
        claims.setExpirationTime(NumericDate.fromSeconds(authId.expiresAt().getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", TYPE);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing authId failed", e);
        }
    }

    @Override
    public Optional<AuthId> decode(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(0)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            Object version = claims.getClaimValue("ver");
            String journeyId = claims.getStringClaimValue("jid");
            String realm = claims.getStringClaimValue("realm");
            if (!(version instanceof Number number) || journeyId == null || realm == null) {
                return Optional.empty();
            }
            return Optional.of(new AuthId(journeyId, realm, number.longValue(),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue())));
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
