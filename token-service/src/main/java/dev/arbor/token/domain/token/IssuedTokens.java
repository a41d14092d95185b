package dev.arbor.token.domain.token;

/**
 * A successful token response (RFC 6749 §5.1; OIDC Core §3.1.3.3 adds {@code id_token}).
 *
 * @param idToken empty when no ID token was issued
 */
public record IssuedTokens(String accessToken, String tokenType, long expiresIn, String idToken, String scope) {

    public static final String BEARER = "Bearer";

    @Override
    public String toString() {
        return "IssuedTokens[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope
                + ", idToken=" + !idToken.isEmpty() + "]";
    }
}
