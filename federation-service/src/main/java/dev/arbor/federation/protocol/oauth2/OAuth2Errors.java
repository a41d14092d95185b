package dev.arbor.federation.protocol.oauth2;

/** Registered OAuth 2.0 error codes (RFC 6749 §4.1.2.1, §5.2; RFC 6750 §3.1; OIDC Core §3.1.2.6). */
public final class OAuth2Errors {
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    public static final String UNSUPPORTED_RESPONSE_TYPE = "unsupported_response_type";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String ACCESS_DENIED = "access_denied";
    public static final String SERVER_ERROR = "server_error";
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";
    public static final String INVALID_TOKEN = "invalid_token";
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";
    public static final String LOGIN_REQUIRED = "login_required";
    /** OIDC Core §3.1.2.6 — prompt=none, and the user would have to be asked for consent. */
    public static final String CONSENT_REQUIRED = "consent_required";
    /** OpenID Connect Core Unmet Authentication Requirements 1.0 §2 — e.g. an essential acr not met. */
    public static final String UNMET_AUTHENTICATION_REQUIREMENTS = "unmet_authentication_requirements";
    public static final String REQUEST_NOT_SUPPORTED = "request_not_supported";
    public static final String REQUEST_URI_NOT_SUPPORTED = "request_uri_not_supported";
    /** OIDC Core §3.1.2.6, RFC 9101 §6.2 — the request object does not verify or is malformed. */
    public static final String INVALID_REQUEST_OBJECT = "invalid_request_object";
    /** RFC 9126 §2.2 / OIDC Core §3.1.2.6 — the request_uri is unknown, used or expired. */
    public static final String INVALID_REQUEST_URI = "invalid_request_uri";
    /** RFC 7591 §3.2.2 — a redirect URI of a registration request is missing or not allowed. */
    public static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
    /** RFC 7591 §3.2.2 — a client metadata value of a registration request is invalid or not allowed. */
    public static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";

    private OAuth2Errors() {
    }
}
