package dev.arbor.token.domain.logout;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims of a logout token, OpenID Connect Back-Channel Logout 1.0 §2.4: {@code iss, aud, iat,
 * exp, jti, sub, sid, events}. §2.4 forbids a {@code nonce}: it is what keeps a logout token from ever
 * being accepted as an ID token, together with the explicit type {@link #TYPE} (§2.4, RFC 8725 §3.11).
 */
public final class LogoutTokenClaims {

    /** §2.4: "explicitly typed ... logout+jwt". */
    public static final String TYPE = "logout+jwt";
    /** §2.4: the member of {@code events} that makes a JWT a logout token. */
    public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private LogoutTokenClaims() {
    }

    public static Map<String, Object> of(LogoutTokenRequest request, String issuer, Instant issuedAt,
            Duration lifetime, String jti) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", request.clientId());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put("jti", jti);
        if (!request.subject().isEmpty()) {
            claims.put("sub", request.subject());
        }
        if (!request.sessionId().isEmpty()) {
            claims.put("sid", request.sessionId());
        }
        claims.put("events", Map.of(EVENT, Map.of()));
        return claims;
    }
}
