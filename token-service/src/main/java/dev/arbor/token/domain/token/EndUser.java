package dev.arbor.token.domain.token;

import dev.arbor.token.domain.Strings;
import java.util.List;
import java.util.Map;

/**
 * The authenticated end user behind a token: what the issuer knew when the code was issued.
 *
 * @param subject   the {@code sub} claim (OIDC Core §2)
 * @param sessionId the SSO session, released as {@code sid} (OIDC Front-Channel Logout §3)
 * @param authTime  epoch seconds of the authentication, {@code auth_time}; 0 when unknown
 * @param acr       authentication context class reference, may be empty
 * @param amr       authentication methods references (RFC 8176), may be empty
 * @param claims    profile claims released to the client (name, email, ...)
 * @param userinfoClaims names of the claims the client asked for at the UserInfo endpoint (OIDC Core §5.5
 *                  {@code claims.userinfo}); carried in the access token, never their values
 */
public record EndUser(String subject, String sessionId, long authTime, String acr, List<String> amr,
        Map<String, String> claims, List<String> userinfoClaims) {

    /** An end user whose client asked for no claims one by one at the UserInfo endpoint. */
    public EndUser(String subject, String sessionId, long authTime, String acr, List<String> amr,
            Map<String, String> claims) {
        this(subject, sessionId, authTime, acr, amr, claims, List.of());
    }

    public EndUser {
        if (Strings.isBlank(subject)) {
            throw new IllegalArgumentException("authentication.subject is required");
        }
        sessionId = Strings.orEmpty(sessionId);
        acr = Strings.orEmpty(acr);
        amr = amr == null ? List.of() : List.copyOf(amr);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
        userinfoClaims = userinfoClaims == null ? List.of() : List.copyOf(userinfoClaims);
    }
}
