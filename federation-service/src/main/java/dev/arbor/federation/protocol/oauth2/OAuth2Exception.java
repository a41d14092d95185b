package dev.arbor.federation.protocol.oauth2;

import java.util.Optional;

/**
 * An OAuth 2.0 error response as a value (RFC 6749 §5.2, RFC 6750 §3): code, a description safe to
 * show the client, the HTTP status and, for 401s, the {@code WWW-Authenticate} challenge. It carries
 * no stack trace; it is not a bug.
 */
public final class OAuth2Exception extends RuntimeException {
    private final String error;
    private final String description;
    private final int status;
    private final String challenge;

    private OAuth2Exception(String error, String description, int status, String challenge) {
        super(error + ": " + description, null, false, false);
        this.error = error;
        this.description = description;
        this.status = status;
        this.challenge = challenge;
    }

    /** A 400 error of the token endpoint. */
    public static OAuth2Exception of(String error) {
        return new OAuth2Exception(error, "", 400, null);
    }

    /** RFC 6749 §5.2 — {@code invalid_client}: 401, with a Basic challenge when the client tried Basic. */
    public static OAuth2Exception invalidClient(boolean triedBasic) {
        return new OAuth2Exception(OAuth2Errors.INVALID_CLIENT, "client authentication failed", 401,
                triedBasic ? "Basic realm=\"arbor\"" : null);
    }

    /** RFC 6750 §3.1 — {@code invalid_token}: 401 with a Bearer challenge. */
    public static OAuth2Exception invalidToken(String description) {
        return new OAuth2Exception(OAuth2Errors.INVALID_TOKEN, description, 401,
                "Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
    }

    /** RFC 6750 §3.1 — {@code insufficient_scope}: 403 with a Bearer challenge. */
    public static OAuth2Exception insufficientScope(String scope) {
        return new OAuth2Exception(OAuth2Errors.INSUFFICIENT_SCOPE, "the token lacks scope " + scope, 403,
                "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"");
    }

    /** RFC 6749 §4.1.2.1 {@code access_denied} as a 403: the server refuses the request whoever asks. */
    public static OAuth2Exception accessDenied(String description) {
        return new OAuth2Exception(OAuth2Errors.ACCESS_DENIED, description, 403, null);
    }

    /** RFC 7009 §2.2.1 — the server cannot handle the request now: 503, the client may retry. */
    public static OAuth2Exception temporarilyUnavailable(String description) {
        return new OAuth2Exception(OAuth2Errors.TEMPORARILY_UNAVAILABLE, description, 503, null);
    }

    /** RFC 6750 §3 — no token at all: 401 with a bare challenge and no error code. */
    public static OAuth2Exception missingToken() {
        return new OAuth2Exception(OAuth2Errors.INVALID_REQUEST, "a bearer token is required", 401, "Bearer");
    }

    public OAuth2Exception withDescription(String text) {
        return new OAuth2Exception(error, text, status, challenge);
    }

    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    public int status() {
        return status;
    }

    public Optional<String> challenge() {
        return Optional.ofNullable(challenge);
    }
}
