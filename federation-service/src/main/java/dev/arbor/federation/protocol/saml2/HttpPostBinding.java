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
        if (samlRequest == null || samlRequest.isEmpty()) {
            throw new InvalidSamlRequest("the form has no SAMLRequest");
        }
        // base64 of the largest accepted document, with line breaks
        if (samlRequest.length() > SamlXml.MAX_DOCUMENT_BYTES / 3 * 4 + SamlXml.MAX_DOCUMENT_BYTES / 38 + 8) {
            throw new InvalidSamlRequest("SAMLRequest is too large");
        }
        HttpRedirectBinding.checkRelayState(relayState);
        return new ReceivedMessage(SamlBinding.HTTP_POST, HttpRedirectBinding.base64(samlRequest, "SAMLRequest"),
                relayState, null);
    }
}
