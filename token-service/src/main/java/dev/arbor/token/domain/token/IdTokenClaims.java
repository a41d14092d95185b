package dev.arbor.token.domain.token;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims of an ID token, OIDC Core §2: {@code iss, sub, aud, exp, iat, auth_time, nonce, acr,
 * amr, azp}, {@code sid} (OIDC Front-Channel Logout §3), {@code at_hash} (§3.1.3.6), {@code c_hash}
 * (§3.3.2.11) and the profile
 * claims released to the client (§5.1, §5.4).
 */
public final class IdTokenClaims {

    /** RFC 8725 §3.11: explicit typing keeps an ID token from being accepted as an access token. */
    public static final String TYPE = "JWT";

    private IdTokenClaims() {
    }

    public static Map<String, Object> of(TokenRequest request, Instant issuedAt, Duration lifetime, String atHash) {
        return of(request, issuedAt, lifetime, atHash, "");
    }

    /** @param cHash the code's hash when the ID token comes from a code redemption, else empty */
    public static Map<String, Object> of(TokenRequest request, Instant issuedAt, Duration lifetime, String atHash,
            String cHash) {
        EndUser user = request.endUser();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", request.issuer());
        claims.put("sub", user.subject());
        claims.put("aud", request.clientId());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put("iat", issuedAt.getEpochSecond());
        UserClaims.putAuthentication(claims, user);
        if (!request.nonce().isEmpty()) {
            claims.put("nonce", request.nonce());
        }
        // OIDC Core §2: azp is the party the ID token was issued to.
        claims.put("azp", request.clientId());
        claims.put("at_hash", atHash);
        if (!cHash.isEmpty()) {
            claims.put("c_hash", cHash);
        }
        UserClaims.putProfile(claims, user);
        return claims;
    }
}
