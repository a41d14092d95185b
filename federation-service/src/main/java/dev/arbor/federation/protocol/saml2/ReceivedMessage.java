package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlBinding;
import java.util.Objects;

/**
 * A SAML protocol message as a binding delivered it: the XML (decoded, inflated), the RelayState as
 * sent, and for the HTTP-Redirect binding the detached signature over the query.
 *
 * @param detachedSignature null when the query carried no {@code Signature}
 */
public record ReceivedMessage(SamlBinding binding, byte[] xml, String relayState, DetachedSignature detachedSignature) {
    public ReceivedMessage {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(xml, "xml");
    }

    /**
     * SAML Bindings §3.4.4.1 — a signature over a query string.
     *
     * @param signedOctets {@code SAMLRequest=..[&RelayState=..]&SigAlg=..}, the values exactly as received
     */
    public record DetachedSignature(String algorithm, byte[] signature, byte[] signedOctets) {
    }
}
