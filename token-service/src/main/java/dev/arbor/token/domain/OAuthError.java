package dev.arbor.token.domain;

import java.util.Objects;

/**
 * An OAuth 2.0 error response value (RFC 6749 §5.2): {@code code} is the registered error code,
 * {@code description} a short human-readable text safe to send to the client. Internal detail is
 * logged, never put here.
 */
public record OAuthError(String code, String description) {

    /** RFC 6749 §5.2: the grant is invalid, expired, revoked, not bound to this client or redirect URI. */
    public static final String INVALID_GRANT = "invalid_grant";

    /** RFC 6749 §5.2: the requested scope exceeds what was granted (§6 for a refresh). */
    public static final String INVALID_SCOPE = "invalid_scope";

    public OAuthError {
        Objects.requireNonNull(code, "code");
        description = description == null ? "" : description;
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError(INVALID_GRANT, description);
    }

    public static OAuthError invalidScope(String description) {
        return new OAuthError(INVALID_SCOPE, description);
    }
}
