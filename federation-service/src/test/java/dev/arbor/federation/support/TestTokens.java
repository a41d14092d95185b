package dev.arbor.federation.support;

import org.jose4j.jwk.RsaJsonWebKey;
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
    private RsaJsonWebKey key = TestKeys.SIGNING;

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

    public TestTokens jti(String value) {
        jti = value;
        return this;
    }

    public TestTokens signedWith(RsaJsonWebKey value) {
        key = value;
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
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", type);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
