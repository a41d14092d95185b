package dev.arbor.federation.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Access tokens that must never be accepted by the demo realm, by name: malformed JWTs, wrong
 * {@code typ}, {@code alg: none}, a kid not in the JWKS, a forged signature, another realm's or an
 * expired token, an oversized one. Each carries a unique jti, so a test can tell that nothing was revoked.
 */
public final class BadTokens {
    private BadTokens() {
    }

    public static Map<String, String> all() {
        String valid = TestTokens.accessToken().build();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("not a JWT", "not-a-jwt");
        tokens.put("two parts", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9");
        tokens.put("three junk parts", "a.b.c");
        tokens.put("four parts", "a.b.c.d");
        tokens.put("percent-encoded NUL", "%00");
        tokens.put("unsigned, no typ", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.");
        tokens.put("empty parts", "....");
        tokens.put("bad base64", "e!y.J$h.b*G");
        tokens.put("base64 of garbage", b64("garbage{") + "." + b64("not json") + "." + b64("sig"));
        tokens.put("JSON garbage header", b64("[1,2,3]") + "." + b64("{\"sub\":\"alice\"}") + ".c2ln");
        tokens.put("JSON garbage payload", valid.substring(0, valid.indexOf('.')) + "." + b64("{\"exp\":\"soon\",")
                + valid.substring(valid.lastIndexOf('.')));
        tokens.put("alg none", algNone());
        tokens.put("tampered signature", valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA");
        tokens.put("expired", TestTokens.accessToken().expiresIn(-600).build());
        tokens.put("another realm", TestTokens.accessToken().issuer(TestTokens.issuerOf("admin")).build());
        tokens.put("unknown realm", TestTokens.accessToken().issuer(TestTokens.issuerOf("other")).build());
        tokens.put("typ JWT", TestTokens.accessToken().type("JWT").build());
        tokens.put("kid not in the JWKS", TestTokens.accessToken().signedWith(TestKeys.UNKNOWN_KID).build());
        tokens.put("forged under a known kid", TestTokens.accessToken().signedWith(TestKeys.FORGED_SAME_KID).build());
        tokens.put("oversized (16 KiB + 1)", valid + "x".repeat(16 * 1024 + 1 - valid.length()));
        return tokens;
    }

    private static String algNone() {
        String payload = "{\"iss\":\"" + TestTokens.issuerOf("demo") + "\",\"sub\":\"alice\",\"jti\":\"none-"
                + java.util.UUID.randomUUID() + "\",\"client_id\":\"test-service\",\"scope\":\"openid\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 300) + "}";
        return b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + b64(payload) + ".";
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
