package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlBinding;

/**
 * SAML Bindings §3.5 — HTTP-POST: the message is base64-encoded (not deflated) into the form field
 * {@code SAMLRequest}; a signature is enveloped in the XML (§3.5.4).
 */
public final class HttpPostBinding {
    private HttpPostBinding() {
    }

    public static ReceivedMessage decodeRequest(String samlRequest, String relayState) {
        return decode(samlRequest, relayState, "SAMLRequest");
    }

    /** The {@code SAMLResponse} field (a LogoutResponse to a request this IdP sent). */
    public static ReceivedMessage decodeResponse(String samlResponse, String relayState) {
        return decode(samlResponse, relayState, "SAMLResponse");
    }

    private static ReceivedMessage decode(String value, String relayState, String field) {
        if (value == null || value.isEmpty()) {
            throw new InvalidSamlRequest("the form has no " + field);
        }
        // base64 of the largest accepted document, with line breaks
        if (value.length() > SamlXml.MAX_DOCUMENT_BYTES / 3 * 4 + SamlXml.MAX_DOCUMENT_BYTES / 38 + 8) {
            throw new InvalidSamlRequest(field + " is too large");
        }
        HttpRedirectBinding.checkRelayState(relayState);
        return new ReceivedMessage(SamlBinding.HTTP_POST, HttpRedirectBinding.base64(value, field), relayState, null);
    }
}
