package dev.arbor.federation.domain.saml2;

/**
 * How an assertion is encrypted for a service provider (XML Encryption 1.1). The default is
 * AES-256-GCM content with RSA-OAEP (SHA-256) key transport; the older AES-256-CBC with
 * RSA-OAEP-MGF1P is for SP stacks that still require it (Lasso-based ones among them).
 */
public enum AssertionEncryption {
    /** Not encrypted. */
    NONE(null, null),
    AES256_GCM_RSA_OAEP("http://www.w3.org/2009/xmlenc11#aes256-gcm", "http://www.w3.org/2009/xmlenc11#rsa-oaep"),
    AES256_CBC_RSA_OAEP_MGF1P("http://www.w3.org/2001/04/xmlenc#aes256-cbc",
            "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");

    private final String dataAlgorithm;
    private final String keyTransportAlgorithm;

    AssertionEncryption(String dataAlgorithm, String keyTransportAlgorithm) {
        this.dataAlgorithm = dataAlgorithm;
        this.keyTransportAlgorithm = keyTransportAlgorithm;
    }

    public String dataAlgorithm() {
        return dataAlgorithm;
    }

    public String keyTransportAlgorithm() {
        return keyTransportAlgorithm;
    }
}
