package dev.arbor.federation.support;

import java.security.Key;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Builds RFC 9068 access tokens the way token-service does, with knobs to break them. */
public final class TestTokens {
    public static final String PUBLIC_URL = "http://localhost:8080";

    private String issuer = issuerOf("demo");
    private String subject = "alice";
    private String sessionId = "sid-default";
    private String scope = "openid profile email";
    private String clientId = "test-spa";
    private String type = "at+jwt";
    private long expiresInSeconds = 300;
    private String jti;
    private java.util.List<String> userinfoClaims = java.util.List.of();
    private Key key = TestKeys.SIGNING.getPrivateKey();
    private String kid = TestKeys.SIGNING.getKeyId();
    private String alg = AlgorithmIdentifiers.RSA_USING_SHA256;

    public static TestTokens accessToken() {
        return new TestTokens();
    }

    public static String issuerOf(String realm) {
        return PUBLIC_URL + "/realms/" + realm;
    }

    public TestTokens issuer(String value) {
        issuer = value;
        return this;
    }

    public TestTokens subject(String value) {
        subject = value;
        return this;
    }

    public TestTokens sessionId(String value) {
        sessionId = value;
        return this;
    }

    public TestTokens scope(String value) {
        scope = value;
        return this;
    }

    public TestTokens clientId(String value) {
        clientId = value;
        return this;
    }

    public TestTokens type(String value) {
        type = value;
        return this;
    }

    public TestTokens expiresIn(long seconds) {
        expiresInSeconds = seconds;
        return this;
    }

    /** The claims.userinfo names token-service carries in {@code userinfo_claims}; none by default. */
    public TestTokens userinfoClaims(java.util.List<String> value) {
        userinfoClaims = value;
        return this;
    }

    public TestTokens jti(String value) {
        jti = value;
        return this;
    }

    /** Signed with this key under its kid, with the algorithm its JWK names (RS256 when it names none). */
    public TestTokens signedWith(PublicJsonWebKey value) {
        String named = value.getAlgorithm();
        return signedWith(value.getPrivateKey(), value.getKeyId(), named == null ? AlgorithmIdentifiers.RSA_USING_SHA256 : named);
    }

    /** Signed with any key and algorithm, {@code none} (no key) included: for tokens that must be refused. */
    public TestTokens signedWith(Key value, String kidValue, String algValue) {
        key = value;
        kid = kidValue;
        alg = algValue;
        return this;
    }

    public String build() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setAudience(clientId);
        claims.setIssuedAtToNow();
        long now = System.currentTimeMillis() / 1000;
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now + expiresInSeconds));
        if (jti == null) {
            claims.setGeneratedJwtId();
        } else {
            claims.setJwtId(jti);
        }
        claims.setClaim("client_id", clientId);
        claims.setClaim("scope", scope);
        if (sessionId != null) {
            claims.setClaim("sid", sessionId);
        }
        if (!userinfoClaims.isEmpty()) {
            claims.setStringListClaim("userinfo_claims", userinfoClaims);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(alg);
        jws.setHeader("typ", type);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
