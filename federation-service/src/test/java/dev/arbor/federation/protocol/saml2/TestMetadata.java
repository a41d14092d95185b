package dev.arbor.federation.protocol.saml2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** SP metadata fixtures of src/test/resources/saml (test keys only). */
public final class TestMetadata {
    /** Shaped like a Shibboleth SP 3's: signing, encryption and a use-less key; five ACS, four SLO. */
    public static final String SHIBBOLETH_SP = resource("saml/sp-metadata.xml");
    public static final String SHIBBOLETH_ENTITY_ID = "https://sp.example.org/shibboleth";
    /** A developer's SP on loopback http with AuthnRequestsSigned="true". */
    public static final String LOCAL_SP = resource("saml/local-sp-metadata.xml");
    public static final String LOCAL_ENTITY_ID = "http://localhost:7070/saml/metadata";

    private TestMetadata() {
    }

    /** The local SP's metadata under another entity ID. */
    public static String localSp(String entityId) {
        return LOCAL_SP.replace(LOCAL_ENTITY_ID, entityId);
    }

    private static String resource(String name) {
        try (InputStream in = TestMetadata.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
