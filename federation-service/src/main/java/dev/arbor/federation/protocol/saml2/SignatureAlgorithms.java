package dev.arbor.federation.protocol.saml2;

import java.util.Set;

/**
 * The XML Signature algorithms accepted on what an SP sends (the JDK's secure validation policy,
 * JDK-8259709, goes the same way): RSA and ECDSA with SHA-256 or stronger, SHA-256+ digests, exclusive
 * canonicalisation, and only the enveloped-signature and exclusive-c14n transforms (SAML Core §5.4.3,
 * §5.4.4). SHA-1, MD5, DSA, HMAC and XSLT are refused.
 */
public final class SignatureAlgorithms {
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final String EXCLUSIVE_C14N_WITH_COMMENTS = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
    public static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    private static final Set<String> SIGNATURES = Set.of(RSA_SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            ECDSA_SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512");
    private static final Set<String> DIGESTS = Set.of(SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#sha384",
            "http://www.w3.org/2001/04/xmlenc#sha512");
    private static final Set<String> CANONICALIZATIONS = Set.of(EXCLUSIVE_C14N, EXCLUSIVE_C14N_WITH_COMMENTS);
    private static final Set<String> TRANSFORMS = Set.of(ENVELOPED, EXCLUSIVE_C14N, EXCLUSIVE_C14N_WITH_COMMENTS);

    private SignatureAlgorithms() {
    }

    public static boolean isAllowedSignature(String uri) {
        return uri != null && SIGNATURES.contains(uri);
    }

    public static boolean isAllowedDigest(String uri) {
        return uri != null && DIGESTS.contains(uri);
    }

    public static boolean isAllowedCanonicalization(String uri) {
        return uri != null && CANONICALIZATIONS.contains(uri);
    }

    public static boolean isAllowedTransform(String uri) {
        return uri != null && TRANSFORMS.contains(uri);
    }
}
