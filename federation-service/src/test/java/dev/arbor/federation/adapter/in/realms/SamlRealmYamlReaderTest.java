package dev.arbor.federation.adapter.in.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.protocol.saml2.TestMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamlRealmYamlReaderTest {
    @TempDir
    Path dir;

    private Path realm(String yaml) throws Exception {
        Files.writeString(dir.resolve("sp.xml"), TestMetadata.LOCAL_SP);
        return Files.writeString(dir.resolve("realm.yaml"), "realm: r\n" + yaml);
    }

    private String refusal(String yaml) throws Exception {
        Path file = realm(yaml);
        return assertThrows(IllegalArgumentException.class, () -> new SamlRealmYamlReader().read(file, "r")).getMessage();
    }

    @Test
    void theTestRealmFileReadsBothServiceProviders() {
        List<ServiceProvider> sps = new SamlRealmYamlReader().read(Path.of("src/test/resources/realms/saml.yaml"), "saml-test");

        assertEquals(List.of(TestMetadata.SHIBBOLETH_ENTITY_ID, TestMetadata.LOCAL_ENTITY_ID),
                sps.stream().map(ServiceProvider::entityId).toList());
    }

    @Test
    void aRealmWithoutASamlSectionHasNoServiceProviders() throws Exception {
        assertEquals(List.of(), new SamlRealmYamlReader().read(realm("clients: []\n"), "r"));
    }

    @Test
    void metadataFileIsRelativeToTheRealmFile() throws Exception {
        List<ServiceProvider> sps = new SamlRealmYamlReader().read(realm("""
                saml:
                  serviceProviders:
                    - metadataFile: sp.xml
                      encryptAssertion: none
                """), "r");

        assertEquals(TestMetadata.LOCAL_ENTITY_ID, sps.getFirst().entityId());
        assertEquals("r", sps.getFirst().realm());
    }

    @Test
    void invalidEntriesNameTheFileAndTheEntry() throws Exception {
        assertTrue(refusal("saml:\n  serviceProviders:\n    - metadataFile: sp.xml\n      encryptAssertion: rot13\n")
                .contains("realm.yaml saml.serviceProviders[1]: encryptAssertion rot13"));
        assertTrue(refusal("saml:\n  serviceProviders:\n    - metadataFile: sp.xml\n    - metadataFile: sp.xml\n")
                .contains("twice"));
        assertTrue(refusal("saml:\n  serviceProviders:\n    - signResponse: true\n")
                .contains("exactly one of metadata and metadataFile"));
        assertTrue(refusal("saml:\n  serviceProviders:\n    - metadataFile: missing.xml\n").contains("cannot be read"));
        assertTrue(refusal("saml:\n  serviceProviders:\n    - metadataFile: sp.xml\n      signAssertions: true\n")
                .contains("unknown setting signAssertions"));
    }
}
