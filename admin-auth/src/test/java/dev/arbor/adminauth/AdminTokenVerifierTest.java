package dev.arbor.adminauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

class AdminTokenVerifierTest {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final String ISSUER = "https://id.example.com/realms/admin";
    static final RsaJsonWebKey KEY = rsa("admin-1");
    static final RsaJsonWebKey FORGED = rsa("admin-1");
    static final String JWKS = new JsonWebKeySet(KEY).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);

    final AdminTokenVerifier verifier = AdminTokenVerifier.forPublicUrl("https://id.example.com/")
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    AdminAuthResult verify(String authorization) {
        return verifier.verify(authorization, kid -> Optional.of(JWKS));
    }

    @Test
    void validAdminTokenIsOkWithItsSubject() {
        AdminAuthResult.Ok ok = assertInstanceOf(AdminAuthResult.Ok.class, verify("Bearer " + token().build()));
        assertEquals("alice", ok.subject());
        assertTrue(ok.tokenId() != null && !ok.tokenId().isEmpty());
        assertEquals("alice", assertInstanceOf(AdminAuthResult.Ok.class, verify("bearer " + token().build())).subject());
    }

    @Test
    void missingOrNonBearerHeaderIsUnauthorizedWithoutAnErrorCode() {
        for (String header : new String[] {null, "", "Basic YWxpY2U6cHc="}) {
            AdminAuthResult.Unauthorized result = assertInstanceOf(AdminAuthResult.Unauthorized.class, verify(header));
            assertEquals("Bearer realm=\"admin\"", result.challenge());
        }
    }

    @Test
    void malformedForgedExpiredForeignOrMistypedTokensAreUnauthorizedInvalidToken() {
        for (String token : List.of(
                "not-a-jwt", "a.b.c", "x".repeat(AdminTokenVerifier.MAX_TOKEN_LENGTH + 1), "abc def",
                token().signedWith(FORGED).build(),
                token().expiresAt(NOW.minusSeconds(120)).build(),
                token().notBefore(NOW.plusSeconds(120)).build(),
                token().issuer("https://id.example.com/realms/acme").build(),
                token().typ("JWT").build(),
                token().noJti().build(),
                token().hmac().build(),
                token().unsigned())) {
            AdminAuthResult result = verify("Bearer " + token);
            AdminAuthResult.Unauthorized unauthorized = assertInstanceOf(AdminAuthResult.Unauthorized.class, result,
                    token);
            assertEquals("Bearer error=\"invalid_token\"", unauthorized.challenge());
            assertTrue(!unauthorized.reason().contains(token.length() > 10 ? token.substring(0, 10) : "\u0000"));
        }
    }

    @Test
    void expiryAndNotBeforeAllowTheClockSkew() {
        assertInstanceOf(AdminAuthResult.Ok.class, verify("Bearer " + token().expiresAt(NOW.minusSeconds(20)).build()));
        assertInstanceOf(AdminAuthResult.Ok.class, verify("Bearer " + token().notBefore(NOW.plusSeconds(20)).build()));
        AdminAuthResult.Unauthorized expired = assertInstanceOf(AdminAuthResult.Unauthorized.class,
                verify("Bearer " + token().expiresAt(NOW.minusSeconds(31)).build()));
        assertEquals("the token has expired", expired.reason());
    }

    @Test
    void validTokenWithoutTheAdminScopeOrClientIsForbidden() {
        for (String token : List.of(token().scope("openid profile").build(), token().scope(null).build(),
                token().scope("arbor:admins").build(), token().clientId("some-app").build())) {
            AdminAuthResult.Forbidden forbidden = assertInstanceOf(AdminAuthResult.Forbidden.class,
                    verify("Bearer " + token));
            assertEquals("Bearer error=\"insufficient_scope\", scope=\"arbor:admin\"", forbidden.challenge());
        }
        assertInstanceOf(AdminAuthResult.Ok.class, verify("Bearer " + token().scope("openid arbor:admin").build()));
    }

    @Test
    void clientCheckCanBeSwitchedOff() {
        AdminTokenVerifier anyClient = AdminTokenVerifier.forPublicUrl("https://id.example.com")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).requiredClientId(null).build();

        assertInstanceOf(AdminAuthResult.Ok.class, anyClient.verify("Bearer " + token().clientId("cli").build(),
                kid -> Optional.of(JWKS)));
    }

    @Test
    void keysUnavailableIsUnavailableAndTheSourceIsNotAskedForAMalformedToken() {
        AtomicInteger asked = new AtomicInteger();
        JwksSource none = kid -> {
            asked.incrementAndGet();
            return Optional.empty();
        };

        assertInstanceOf(AdminAuthResult.Unauthorized.class, verifier.verify("Bearer a.b.c", none));
        assertEquals(0, asked.get());
        assertInstanceOf(AdminAuthResult.Unavailable.class, verifier.verify("Bearer " + token().build(), none));
        assertInstanceOf(AdminAuthResult.Unavailable.class, verifier.verify("Bearer " + token().build(),
                kid -> Optional.of("{not json")));
        assertInstanceOf(AdminAuthResult.Unavailable.class, verifier.verify("Bearer " + token().build(), kid -> {
            throw new IllegalStateException("down");
        }));
    }

    @Test
    void keyIdIsReadFromAWellFormedBearerTokenOnly() {
        assertEquals(Optional.of("admin-1"), AdminTokenVerifier.keyId("Bearer " + token().build()));
        assertEquals(Optional.empty(), AdminTokenVerifier.keyId("Bearer nope"));
        assertEquals(Optional.empty(), AdminTokenVerifier.keyId(null));
    }

    @Test
    void symmetricOrNoneAlgorithmsCannotBeAllowed() {
        assertThrows(IllegalArgumentException.class, () -> AdminTokenVerifier.forPublicUrl("https://x")
                .algorithms(List.of("HS256")).build());
        assertThrows(IllegalArgumentException.class, () -> AdminTokenVerifier.forPublicUrl("https://x")
                .algorithms(List.of("none")).build());
    }

    static Token token() {
        return new Token();
    }

    /** An admin access token as token-service signs it, with knobs to break it. */
    static final class Token {
        String issuer = ISSUER;
        String clientId = AdminTokenVerifier.ADMIN_CLIENT;
        String scope = AdminTokenVerifier.ADMIN_SCOPE;
        Instant expiresAt = NOW.plusSeconds(300);
        Instant notBefore;
        String typ = "at+jwt";
        boolean jti = true;
        boolean hmac;
        RsaJsonWebKey key = KEY;

        Token issuer(String v) { issuer = v; return this; }
        Token clientId(String v) { clientId = v; return this; }
        Token scope(String v) { scope = v; return this; }
        Token expiresAt(Instant v) { expiresAt = v; return this; }
        Token notBefore(Instant v) { notBefore = v; return this; }
        Token typ(String v) { typ = v; return this; }
        Token noJti() { jti = false; return this; }
        Token hmac() { hmac = true; return this; }
        Token signedWith(RsaJsonWebKey v) { key = v; return this; }

        JwtClaims claims() {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setSubject("alice");
            claims.setIssuedAt(NumericDate.fromSeconds(NOW.minusSeconds(600).getEpochSecond()));
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
            if (notBefore != null) {
                claims.setNotBefore(NumericDate.fromSeconds(notBefore.getEpochSecond()));
            }
            if (jti) {
                claims.setGeneratedJwtId();
            }
            claims.setClaim("client_id", clientId);
            if (scope != null) {
                claims.setClaim("scope", scope);
            }
            return claims;
        }

        String build() {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims().toJson());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setHeader("typ", typ);
            if (hmac) {
                jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
                // the classic confusion attack: the public key's bytes as an HMAC secret
                jws.setKey(new HmacKey(JWKS.getBytes(StandardCharsets.UTF_8)));
                jws.setDoKeyValidation(false);
            } else {
                jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
                jws.setKey(key.getPrivateKey());
            }
            try {
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        String unsigned() {
            java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"admin-1\"}".getBytes(StandardCharsets.UTF_8))
                    + "." + b64.encodeToString(claims().toJson().getBytes(StandardCharsets.UTF_8)) + ".";
        }
    }

    static RsaJsonWebKey rsa(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setAlgorithm("RS256");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
