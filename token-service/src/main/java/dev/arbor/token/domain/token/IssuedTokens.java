package dev.arbor.token.domain.token;

import java.time.Instant;

/**
 * A successful token response (RFC 6749 §5.1; OIDC Core §3.1.3.3 adds {@code id_token}).
 *
 * @param idToken              empty when no ID token was issued
 * @param accessTokenJti       the access token's {@code jti}, kept so the token can be revoked later
 * @param accessTokenExpiresAt the access token's {@code exp}
 * @param refreshToken         RFC 6749 §5.1; empty when none was issued
 * @param refreshExpiresIn     seconds the refresh token may stay unused; 0 when none was issued
 */
public record IssuedTokens(String accessToken, String tokenType, long expiresIn, String idToken, String scope,
        String accessTokenJti, Instant accessTokenExpiresAt, String refreshToken, long refreshExpiresIn) {

    public static final String BEARER = "Bearer";

    /** Tokens without a refresh token. */
    public IssuedTokens(String accessToken, String tokenType, long expiresIn, String idToken, String scope,
            String accessTokenJti, Instant accessTokenExpiresAt) {
        this(accessToken, tokenType, expiresIn, idToken, scope, accessTokenJti, accessTokenExpiresAt, "", 0);
    }

    /** The same tokens with a refresh token (RFC 6749 §1.5). */
    public IssuedTokens withRefreshToken(String token, long expiresInSeconds) {
        return new IssuedTokens(accessToken, tokenType, expiresIn, idToken, scope, accessTokenJti,
                accessTokenExpiresAt, token, expiresInSeconds);
    }

    @Override
    public String toString() {
        return "IssuedTokens[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope
                + ", idToken=" + !idToken.isEmpty() + ", refreshToken=" + !refreshToken.isEmpty() + "]";
    }
}
