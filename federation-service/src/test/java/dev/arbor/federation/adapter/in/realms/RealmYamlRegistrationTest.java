package dev.arbor.federation.adapter.in.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.realm.EnvSubstitution;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.domain.RegistrationMode;
import dev.arbor.federation.domain.RegistrationPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code registration:} section of realm YAML (docs/reference/realm-yaml.md). */
class RealmYamlRegistrationTest {
    private final RealmYamlReader reader = new RealmYamlReader(new EnvSubstitution(Map.<String, String>of()::get),
            new ClientSecretHasher("pepper"));

    @TempDir
    Path dir;

    private RegistrationPolicy policyOf(String section) throws IOException {
        Path file = Files.writeString(dir.resolve("realm.yaml"), "realm: demo\n" + section);
        return reader.read(file).registration();
    }

    @Test
    void aRealmThatSaysNothingIsClosed() throws IOException {
        assertEquals(RegistrationPolicy.CLOSED, policyOf(""));
        assertEquals(RegistrationMode.CLOSED, policyOf("registration: {}\n").mode());
    }

    @Test
    void readsModeScopesAndGrantTypes() throws IOException {
        RegistrationPolicy policy = policyOf("""
                registration:
                  mode: initial-access-token
                  scopes: [ openid, api ]
                  grantTypes: [ authorization_code, client_credentials ]
                """);

        assertEquals(RegistrationMode.INITIAL_ACCESS_TOKEN, policy.mode());
        assertEquals(List.of("openid", "api"), policy.scopes());
        assertEquals(List.of("authorization_code", "client_credentials"), policy.grantTypes());
    }

    @Test
    void openModeGetsTheDefaultScopesAndGrantTypes() throws IOException {
        RegistrationPolicy policy = policyOf("registration: { mode: open }\n");

        assertEquals(RegistrationMode.OPEN, policy.mode());
        assertEquals(List.of("openid", "profile", "email"), policy.scopes());
        assertEquals(List.of("authorization_code", "refresh_token"), policy.grantTypes());
    }

    @Test
    void anUnknownModeKeyOrGrantTypeStopsTheImportNamingTheFile() {
        for (String bad : List.of("registration: { mode: sometimes }\n", "registration: { colour: red }\n",
                "registration: { mode: open, grantTypes: [ password ] }\n", "registration: open\n")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> policyOf(bad));
            assertTrue(e.getMessage().startsWith("realm file realm.yaml"), e.getMessage());
            assertTrue(e.getMessage().contains("registration"), e.getMessage());
        }
    }
}
