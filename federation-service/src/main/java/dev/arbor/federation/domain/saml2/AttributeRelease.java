package dev.arbor.federation.domain.saml2;

import java.util.Objects;

/**
 * One identity attribute released to a service provider as a SAML Attribute (SAML Core §2.7.3.1).
 *
 * @param claim        the identity claim it comes from (authtree's identity claims, e.g. {@code email})
 * @param name         the Attribute's {@code Name}, e.g. {@code urn:oid:0.9.2342.19200300.100.1.3}
 * @param nameFormat   the Attribute's {@code NameFormat} URI (uri, basic or unspecified)
 * @param friendlyName the Attribute's {@code FriendlyName}; may be null
 */
public record AttributeRelease(String claim, String name, String nameFormat, String friendlyName) {
    public static final String URI_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";
    public static final String BASIC_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";
    public static final String UNSPECIFIED_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified";

    public AttributeRelease {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(name, "name");
        nameFormat = nameFormat == null || nameFormat.isEmpty() ? URI_FORMAT : nameFormat;
    }
}
