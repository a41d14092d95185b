package dev.arbor.federation.adapter.in.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.realm.EnvSubstitution;
import dev.arbor.federation.domain.ClientLogout;
import dev.arbor.federation.domain.ClientSecretHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logout registrations of a client in realm YAML (docs/reference/realm-yaml.md). */
class RealmYamlLogoutTest {
    private final RealmYamlReader reader = new RealmYamlReader(new EnvSubstitution(Map.<String, String>of()::get),
            new ClientSecretHasher("pepper"));

    @TempDir
    Path dir;

    private ClientLogout logoutOf(String clientFields) throws IOException {
        Path file = Files.writeString(dir.resolve("realm.yaml"), """
                realm: demo
                clients:
                  - clientId: rp
                    type: public
                    redirectUris: [ "https://rp.example/cb" ]
                    grantTypes: [ authorization_code ]
                """ + clientFields.indent(4));
        return reader.read(file).clients().getFirst().logout();
    }

    @Test
    void readsEveryLogoutField() throws IOException {
        ClientLogout logout = logoutOf("""
                postLogoutRedirectUris: [ "https://rp.example/bye", "https://rp.example/bye?tenant=a" ]
                frontchannelLogoutUri: https://rp.example/fc
                frontchannelLogoutSessionRequired: true
                backchannelLogoutUri: https://rp.example/bc
                backchannelLogoutSessionRequired: true
                """);

        assertEquals(List.of("https://rp.example/bye", "https://rp.example/bye?tenant=a"),
                logout.postLogoutRedirectUris());
        assertEquals(Optional.of("https://rp.example/fc"), logout.frontchannelLogoutUri());
        assertTrue(logout.frontchannelLogoutSessionRequired());
        assertEquals(Optional.of("https://rp.example/bc"), logout.backchannelLogoutUri());
        assertTrue(logout.backchannelLogoutSessionRequired());
        assertTrue(logout.hasPostLogoutRedirectUri("https://rp.example/bye"));
        assertFalse(logout.hasPostLogoutRedirectUri("https://rp.example/bye/"));
    }

    @Test
    void aClientWithoutLogoutFieldsRegistersNothing() throws IOException {
        assertEquals(ClientLogout.NONE, logoutOf(""));
    }

    @Test
    void invalidLogoutFieldsNameTheClientAndTheField() {
        for (String bad : new String[] {
                "postLogoutRedirectUris: [ \"/relative\" ]",
                "postLogoutRedirectUris: [ \"https://rp.example/bye#frag\" ]",
                "frontchannelLogoutUri: javascript:alert(1)",
                "backchannelLogoutUri: https://rp.example/bc#x",
                "backchannelLogoutSessionRequired: sometimes"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> logoutOf(bad), bad);
            assertTrue(e.getMessage().contains("client rp"), e.getMessage());
        }
    }
}
