package dev.arbor.token.domain.token;

import java.time.Instant;

/**
 * A successful token response (RFC 6749 §5.1; OIDC Core §3.1.3.3 adds {@code id_token}).
 *
 * @param idToken              empty when no ID token was issued
 * @param accessTokenJti       the access token's {@code jti}, kept so the token can be revoked later
 * @param accessTokenExpiresAt the access token's {@code exp}
 */
public record IssuedTokens(String accessToken, String tokenType, long expiresIn, String idToken, String scope,
        String accessTokenJti, Instant accessTokenExpiresAt) {

    public static final String BEARER = "Bearer";

    @Override
    public String toString() {
        return "IssuedTokens[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope
                + ", idToken=" + !idToken.isEmpty() + "]";
    }
}
