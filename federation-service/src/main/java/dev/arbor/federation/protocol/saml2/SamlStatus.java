package dev.arbor.federation.protocol.saml2;

import java.util.Objects;

/**
 * SAML Core §3.2.2.2 — the status of a Response: a top-level code (Success, Requester, Responder) and,
 * for failures, a second-level code saying why. {@code message} becomes the StatusMessage; it names
 * the rule that failed and never carries internal detail.
 */
public record SamlStatus(String code, String secondLevel, String message) {
    private static final String PREFIX = "urn:oasis:names:tc:SAML:2.0:status:";
    public static final String SUCCESS = PREFIX + "Success";
    public static final String REQUESTER = PREFIX + "Requester";
    public static final String RESPONDER = PREFIX + "Responder";
    public static final String NO_PASSIVE = PREFIX + "NoPassive";
    public static final String AUTHN_FAILED = PREFIX + "AuthnFailed";
    public static final String REQUEST_DENIED = PREFIX + "RequestDenied";
    public static final String REQUEST_UNSUPPORTED = PREFIX + "RequestUnsupported";
    public static final String INVALID_NAME_ID_POLICY = PREFIX + "InvalidNameIDPolicy";
    public static final String NO_AUTHN_CONTEXT = PREFIX + "NoAuthnContext";
    public static final String UNSUPPORTED_BINDING = PREFIX + "UnsupportedBinding";
    public static final String UNKNOWN_PRINCIPAL = PREFIX + "UnknownPrincipal";
    /** SAML Core §3.7.3.2: not every session participant could be logged out. */
    public static final String PARTIAL_LOGOUT = PREFIX + "PartialLogout";

    public SamlStatus {
        Objects.requireNonNull(code, "code");
    }

    public static SamlStatus success() {
        return new SamlStatus(SUCCESS, null, null);
    }

    /** SAML Core §3.7.3.2 — logged out here, but some session participant could not be. */
    public static SamlStatus partialLogout() {
        return new SamlStatus(SUCCESS, PARTIAL_LOGOUT, null);
    }

    /** The requester (the SP) asked for something this IdP will not do. */
    public static SamlStatus requester(String secondLevel, String message) {
        return new SamlStatus(REQUESTER, secondLevel, message);
    }

    /** The responder (this IdP) could not do what was asked. */
    public static SamlStatus responder(String secondLevel, String message) {
        return new SamlStatus(RESPONDER, secondLevel, message);
    }

    public boolean isSuccess() {
        return SUCCESS.equals(code);
    }
}
