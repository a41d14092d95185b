package dev.arbor.federation.protocol.saml2;

/**
 * The outcome of checking a trusted AuthnRequest: go ahead, or answer the SP with a non-success
 * status at its registered ACS. (An untrusted request is an {@link InvalidSamlRequest}: no Response.)
 */
public sealed interface AuthnRequestCheck {

    SamlAuthnRequest request();

    record Accepted(SamlAuthnRequest request) implements AuthnRequestCheck {
    }

    /** @param request its {@code acs} is where the status goes */
    record Refused(SamlAuthnRequest request, SamlStatus status) implements AuthnRequestCheck {
    }
}
