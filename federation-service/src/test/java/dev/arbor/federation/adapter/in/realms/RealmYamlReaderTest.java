package dev.arbor.federation.adapter.in.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.domain.ClientType;
import dev.arbor.contracts.realm.EnvSubstitution;
import dev.arbor.federation.domain.RealmDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealmYamlReaderTest {
    private final ClientSecretHasher hasher = new ClientSecretHasher("pepper");
    private final RealmYamlReader reader = new RealmYamlReader(
            new EnvSubstitution(Map.of("RP_SECRET", "from-env")::get), hasher);

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("realm.yaml"), yaml);
    }

    @Test
    void readsClientsAndHashesSecretsFromTheEnvironment() throws IOException {
        RealmDefinition realm = reader.read(write("""
                realm: demo
                displayName: Demo
                clients:
                  - clientId: rp
                    type: confidential
                    secret: ${RP_SECRET}
                    redirectUris: [ "https://rp.example/cb" ]
                    grantTypes: [ authorization_code ]
                    scopes: [ openid ]
                  - clientId: svc
                    type: confidential
                    secret: ${SVC_SECRET:-svc-default}
                    grantTypes: [ client_credentials ]
                  - clientId: spa
                    type: public
                    redirectUris: [ "http://localhost/cb" ]
                    grantTypes: [ authorization_code ]
                users:
                  - username: alice
                """));

        assertEquals("demo", realm.name());
        assertEquals("Demo", realm.displayName());
        assertEquals(List.of("rp", "svc", "spa"), realm.clients().stream().map(Client::clientId).toList());
        Client rp = realm.clients().getFirst();
        assertTrue(hasher.matches("from-env", rp.secretHash()));
        assertTrue(hasher.matches("svc-default", realm.clients().get(1).secretHash()));
        assertEquals(ClientType.PUBLIC, realm.clients().get(2).type());
        assertTrue(realm.clients().get(2).secretHash().isEmpty());
    }

    @Test
    void unsetVariableWithoutDefaultFailsNamingFileAndVariable() throws IOException {
        Path file = write("""
                realm: admin
                clients:
                  - clientId: arbor-admin
                    type: confidential
                    secret: ${ARBOR_SURELY_UNSET_FOR_TEST}
                    grantTypes: [ client_credentials ]
                """);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains("ARBOR_SURELY_UNSET_FOR_TEST"));
        assertTrue(e.getMessage().contains("realm.yaml"));
    }

    @Test
    void invalidClientsFailClearly() throws IOException {
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: confidential\n");
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: public\n    secret: s\n");
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: robot\n");
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: public\n    grantTypes: [ authorization_code ]\n");
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: public\n    redirectUris: [ \"/relative\" ]\n");
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: public\n    grantTypes: [ password ]\n");
        assertInvalid("realm: d\nclients:\n  - clientId: c\n    type: public\n  - clientId: c\n    type: public\n");
        assertInvalid("realm: \"bad realm!\"\n");
        assertInvalid("- just a list\n");
    }

    @Test
    void errorsNeverContainTheSecret() throws IOException {
        Path file = write("realm: d\nclients:\n  - clientId: c\n    type: public\n    secret: super-secret-value\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.read(file));
        assertFalse(e.getMessage().contains("super-secret-value"));
    }

    private void assertInvalid(String yaml) throws IOException {
        Path file = write(yaml);
        assertThrows(IllegalArgumentException.class, () -> reader.read(file), yaml);
    }
}
