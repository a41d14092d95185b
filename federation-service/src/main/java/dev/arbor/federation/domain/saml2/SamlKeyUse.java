package dev.arbor.federation.domain.saml2;

import java.util.Optional;

/**
 * What a realm's SAML key pair is for (SAML Metadata §2.4.1.1 {@code KeyDescriptor use}): {@code signing}
 * signs what the IdP sends, {@code encryption} is what service providers encrypt to.
 */
public enum SamlKeyUse {
    SIGNING("signing"),
    ENCRYPTION("encryption");

    private final String value;

    SamlKeyUse(String value) {
        this.value = value;
    }

    /** The name in the store, the admin API and the metadata. */
    public String value() {
        return value;
    }

    /** "Not a use" is a normal answer: the admin API turns it into 404. */
    public static Optional<SamlKeyUse> of(String value) {
        for (SamlKeyUse use : values()) {
            if (use.value.equals(value)) {
                return Optional.of(use);
            }
        }
        return Optional.empty();
    }
}
