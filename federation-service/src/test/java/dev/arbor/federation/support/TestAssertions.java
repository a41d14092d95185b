package dev.arbor.federation.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.List;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Builds RFC 7523 client assertions for {@code test-jwt-client} of the demo realm, signed with its keys
 * ({@code client-keys/test-jwt-client.private.jwks.json}; the public halves are in realms/demo.yaml),
 * with knobs to break them.
 */
public final class TestAssertions {
    public static final String CLIENT = "test-jwt-client";
    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final JsonWebKeySet KEYS = load();

    private String issuer = CLIENT;
    private String subject = CLIENT;
    private List<String> audience = List.of(TestTokens.issuerOf("demo"));
    private boolean audienceAsArray;
    private long expiresInSeconds = 60;
    private Long issuedAtOffset = 0L;
    private Long notBeforeOffset;
    private String jti = "jti-" + java.util.UUID.randomUUID();
    private String algorithm = AlgorithmIdentifiers.RSA_USING_SHA256;
    private String kid = "rsa-1";
    private String headerKid = "rsa-1";
    private Key signingKey;

    public static TestAssertions assertion() {
        return new TestAssertions();
    }

    /** A key of the client's registered set, by kid: rsa-1, ec-1 or ed-1. */
    public static PublicJsonWebKey key(String kid) {
        return (PublicJsonWebKey) KEYS.findJsonWebKey(kid, null, null, null);
    }

    public TestAssertions client(String value) {
        issuer = value;
        subject = value;
        return this;
    }

    public TestAssertions issuer(String value) {
        issuer = value;
        return this;
    }

    public TestAssertions audience(String... values) {
        audience = List.of(values);
        return this;
    }

    /** {@code aud} as a JSON array even for one value (jose4j writes a single audience as a string). */
    public TestAssertions audienceAsArray() {
        audienceAsArray = true;
        return this;
    }

    public TestAssertions expiresIn(long seconds) {
        expiresInSeconds = seconds;
        return this;
    }

    public TestAssertions issuedAt(long offsetSeconds) {
        issuedAtOffset = offsetSeconds;
        return this;
    }

    public TestAssertions notBefore(long offsetSeconds) {
        notBeforeOffset = offsetSeconds;
        return this;
    }

    public TestAssertions jti(String value) {
        jti = value;
        return this;
    }

    /** Signs with the registered key {@code kid} and the given algorithm. */
    public TestAssertions signedWith(String kidValue, String alg) {
        kid = kidValue;
        headerKid = kidValue;
        algorithm = alg;
        return this;
    }

    /** Signs with any key (an attacker's, an HMAC secret) under any alg. */
    public TestAssertions signedWithKey(Key key, String alg) {
        signingKey = key;
        algorithm = alg;
        return this;
    }

    public TestAssertions headerKid(String value) {
        headerKid = value;
        return this;
    }

    public String build() {
        long now = System.currentTimeMillis() / 1000;
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        if (audienceAsArray) {
            claims.setClaim("aud", audience);
        } else {
            claims.setAudience(audience);
        }
        claims.setExpirationTime(NumericDate.fromSeconds(now + expiresInSeconds));
        if (issuedAtOffset != null) {
            claims.setIssuedAt(NumericDate.fromSeconds(now + issuedAtOffset));
        }
        if (notBeforeOffset != null) {
            claims.setNotBefore(NumericDate.fromSeconds(now + notBeforeOffset));
        }
        if (jti != null) {
            claims.setJwtId(jti);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        if (headerKid != null) {
            jws.setKeyIdHeaderValue(headerKid);
        }
        if (AlgorithmIdentifiers.NONE.equals(algorithm)) {
            jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        } else {
            jws.setKey(signingKey != null ? signingKey : key(kid).getPrivateKey());
            jws.setDoKeyValidation(false);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonWebKeySet load() {
        try (InputStream in = TestAssertions.class.getResourceAsStream("/client-keys/test-jwt-client.private.jwks.json")) {
            return new JsonWebKeySet(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
