package dev.arbor.token.domain.token;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims of a JWT access token, RFC 9068 §2.2: {@code iss, exp, aud, sub, client_id, iat, jti},
 * the authentication information of §2.2.1 ({@code auth_time, acr, amr}) when a user is behind the
 * token, {@code sid} so a session logout can find it, and {@code scope} (§2.2.3, space-separated).
 * {@code userinfo_claims} names the claims the client asked for at the UserInfo endpoint (OIDC Core §5.5).
 * For a client acting on its own behalf (RFC 6749 §4.4) {@code sub} is the client id (§2.2).
 */
public final class AccessTokenClaims {

    /** RFC 9068 §2.1: the {@code typ} header of a JWT access token. */
    public static final String TYPE = "at+jwt";

    private AccessTokenClaims() {
    }

    public static Map<String, Object> of(TokenRequest request, Instant issuedAt, Duration lifetime, String jti) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", request.issuer());
        claims.put("sub", request.hasEndUser() ? request.endUser().subject() : request.clientId());
        // The resource indicator (RFC 8707) is not part of the skeleton yet: the audience is the client.
        claims.put("aud", request.clientId());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("jti", jti);
        claims.put("client_id", request.clientId());
        if (!request.scopes().isEmpty()) {
            claims.put("scope", request.scope());
        }
        if (request.hasEndUser()) {
            UserClaims.putAuthentication(claims, request.endUser());
            UserClaims.putUserinfoClaims(claims, request.endUser());
        }
        return claims;
    }
}
