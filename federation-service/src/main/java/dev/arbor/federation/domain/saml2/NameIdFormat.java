package dev.arbor.federation.domain.saml2;

import java.util.Arrays;
import java.util.Optional;

/**
 * The NameID formats Arbor issues (SAML Core §8.3). A persistent NameID is pairwise: the same user
 * gets a different, stable value at each service provider, so two SPs cannot join their records by
 * it. A transient NameID is new for each assertion.
 */
public enum NameIdFormat {
    PERSISTENT("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"),
    TRANSIENT("urn:oasis:names:tc:SAML:2.0:nameid-format:transient"),
    EMAIL("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"),
    UNSPECIFIED("urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");

    private final String uri;

    NameIdFormat(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    public static Optional<NameIdFormat> of(String uri) {
        return Arrays.stream(values()).filter(f -> f.uri.equals(uri)).findFirst();
    }
}
