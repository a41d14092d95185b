package dev.arbor.token.domain.token;

import java.util.Map;
import java.util.Set;

/** Claims about the end user shared by access tokens and ID tokens. */
final class UserClaims {

    /**
     * Private claim of the access token (RFC 7519 §4.3): the names of the claims the client asked for at the
     * UserInfo endpoint with {@code claims.userinfo} (OIDC Core §5.5); federation releases them there.
     */
    static final String USERINFO_CLAIMS = "userinfo_claims";

    /** Claims the token issuer sets itself; a profile claim of the same name is never released over them. */
    static final Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "auth_time",
            "nonce", "acr", "amr", "sid", "azp", "at_hash", "c_hash", "client_id", "scope", "cnf",
            USERINFO_CLAIMS);

    /** OIDC Core §5.1: these standard claims are JSON booleans, not strings. */
    private static final Set<String> BOOLEAN_CLAIMS = Set.of("email_verified", "phone_number_verified");

    private UserClaims() {
    }

    /** RFC 9068 §2.2.1 and OIDC Core §2: {@code auth_time, acr, amr}, plus {@code sid}; empty values are left out. */
    static void putAuthentication(Map<String, Object> claims, EndUser user) {
        if (user.authTime() > 0) {
            claims.put("auth_time", user.authTime());
        }
        if (!user.acr().isBlank()) {
            claims.put("acr", user.acr());
        }
        if (!user.amr().isEmpty()) {
            claims.put("amr", user.amr());
        }
        if (!user.sessionId().isBlank()) {
            claims.put("sid", user.sessionId());
        }
    }

    /** The names of {@link #USERINFO_CLAIMS}, when the client asked for any; access tokens only. */
    static void putUserinfoClaims(Map<String, Object> claims, EndUser user) {
        if (!user.userinfoClaims().isEmpty()) {
            claims.put(USERINFO_CLAIMS, user.userinfoClaims());
        }
    }

    /** OIDC Core §5.1: the released profile claims with their standard JSON types. */
    static void putProfile(Map<String, Object> claims, EndUser user) {
        user.claims().forEach((name, value) -> {
            if (!REGISTERED.contains(name)) {
                claims.put(name, typed(name, value));
            }
        });
    }

    private static Object typed(String name, String value) {
        if (BOOLEAN_CLAIMS.contains(name)) {
            return Boolean.parseBoolean(value);
        }
        if ("updated_at".equals(name) && value.matches("\\d{1,18}")) {
            return Long.parseLong(value);
        }
        return value;
    }
}
