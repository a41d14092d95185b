package dev.arbor.testing;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** RFC 9068 access tokens of the admin realm as token-service signs them, with knobs to break them. */
public final class AdminTokens {
    public static final RsaJsonWebKey SIGNING = generate("admin-key-1");
    /** Same kid, another key: a forgery. */
    public static final RsaJsonWebKey FORGED = generate("admin-key-1");
    /** A kid the JWKS never lists. */
    public static final RsaJsonWebKey UNKNOWN_KID = generate("attacker-key");

    private String issuer = "http://localhost:8080/realms/admin";
    private String clientId = "arbor-admin";
    private String scope = "arbor:admin";
    private long expiresIn = 300;
    private RsaJsonWebKey key = SIGNING;

    public static AdminTokens token() {
        return new AdminTokens();
    }

    /** A valid admin token, as an Authorization header value. */
    public static String bearer() {
        return "Bearer " + token().build();
    }

    public static String jwksJson() {
        return new JsonWebKeySet(SIGNING).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    public AdminTokens issuer(String value) {
        issuer = value;
        return this;
    }

    public AdminTokens clientId(String value) {
        clientId = value;
        return this;
    }

    public AdminTokens scope(String value) {
        scope = value;
        return this;
    }

    public AdminTokens expiresIn(long seconds) {
        expiresIn = seconds;
        return this;
    }

    public AdminTokens signedWith(RsaJsonWebKey value) {
        key = value;
        return this;
    }

    public String build() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("admin-user");
        claims.setAudience(clientId);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + expiresIn));
        claims.setGeneratedJwtId();
        claims.setClaim("client_id", clientId);
        claims.setClaim("scope", scope);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "at+jwt");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey generate(String kid) {
        try {
            RsaJsonWebKey k = RsaJwkGenerator.generateJwk(2048);
            k.setKeyId(kid);
            k.setAlgorithm("RS256");
            k.setUse("sig");
            return k;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
