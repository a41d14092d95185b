package dev.arbor.federation.domain.saml2;

import java.util.Arrays;
import java.util.Optional;

/** The SAML 2.0 bindings Arbor speaks (SAML Bindings §3), by their URIs as metadata names them. */
public enum SamlBinding {
    HTTP_REDIRECT("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"),
    HTTP_POST("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"),
    HTTP_ARTIFACT("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"),
    SOAP("urn:oasis:names:tc:SAML:2.0:bindings:SOAP");

    private final String uri;

    SamlBinding(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /** The binding a metadata {@code Binding} attribute names; empty for one Arbor does not speak. */
    public static Optional<SamlBinding> of(String uri) {
        return Arrays.stream(values()).filter(b -> b.uri.equals(uri)).findFirst();
    }
}
