package dev.arbor.token.support;

import dev.arbor.contracts.token.v1.Authentication;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.IssueClientCredentialsTokenRequest;
import dev.arbor.contracts.token.v1.RedeemAuthorizationCodeRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Fixture builders for the token-service gRPC requests: alice logging in to demo-spa in realm demo. */
public final class TestGrants {

    public static final String REALM = "demo";
    public static final String ISSUER = "http://localhost:8080/realms/demo";
    public static final String CLIENT_ID = "demo-spa";
    public static final String REDIRECT_URI = "http://localhost:8080/ui/demo/";
    public static final String NONCE = "n-0S6_WzA2Mj";
    public static final long AUTH_TIME = 1_790_000_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestGrants() {
    }

    /** An RFC 7636 verifier and its S256 challenge, computed independently of the service. */
    public record Pkce(String verifier, String challenge) {
        public static Pkce random() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            return new Pkce(verifier, s256(verifier));
        }
    }

    public static Authentication alice() {
        return Authentication.newBuilder()
                .setSubject("alice")
                .setSessionId("session-123")
                .setAuthTime(AUTH_TIME)
                .setAcr("urn:arbor:acr:password")
                .addAmr("pwd")
                .putAllClaims(Map.of("name", "Alice Liddell", "given_name", "Alice", "family_name", "Liddell",
                        "email", "alice@example.com", "email_verified", "true"))
                .build();
    }

    /** A code request for alice with the given PKCE challenge, scopes openid profile email. */
    public static IssueAuthorizationCodeRequest.Builder codeRequest(Pkce pkce) {
        return IssueAuthorizationCodeRequest.newBuilder()
                .setRealm(REALM)
                .setIssuer(ISSUER)
                .setClientId(CLIENT_ID)
                .setRedirectUri(REDIRECT_URI)
                .addAllScopes(List.of("openid", "profile", "email"))
                .setCodeChallenge(pkce.challenge())
                .setCodeChallengeMethod("S256")
                .setNonce(NONCE)
                .setAuthentication(alice());
    }

    /** The matching token request: same realm, client, redirect URI and the right verifier. */
    public static RedeemAuthorizationCodeRequest.Builder redeemRequest(String code, Pkce pkce) {
        return RedeemAuthorizationCodeRequest.newBuilder()
                .setRealm(REALM)
                .setCode(code)
                .setClientId(CLIENT_ID)
                .setRedirectUri(REDIRECT_URI)
                .setCodeVerifier(pkce.verifier());
    }

    public static IssueClientCredentialsTokenRequest.Builder clientCredentials(String realm, String clientId) {
        return IssueClientCredentialsTokenRequest.newBuilder()
                .setRealm(realm)
                .setIssuer("http://localhost:8080/realms/" + realm)
                .setClientId(clientId)
                .addScopes("api");
    }

    public static String s256(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(value));
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
