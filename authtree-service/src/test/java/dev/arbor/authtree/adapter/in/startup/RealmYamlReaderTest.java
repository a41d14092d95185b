package dev.arbor.authtree.adapter.in.startup;

import dev.arbor.contracts.realm.EnvSubstitution;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.realm.RealmConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealmYamlReaderTest {
    @Test
    void readsTreesAndUsersWithBooleanOutcomeKeysAsStrings() throws Exception {
        RealmConfig config = new RealmYamlReader(new EnvSubstitution(Map.<String, String>of()::get))
                .read(Path.of("src/test/resources/realms/test.yaml"));

        assertEquals("test", config.realm());
        RealmConfig.TreeConfig login = config.trees().get(0);
        assertTrue(login.isDefault());
        assertEquals("username", login.definition().start());
        assertEquals(Map.of("true", "success", "false", "failure"), login.definition().nodes().get("check").outcomes());
        assertEquals("Wonderland-2026", config.users().get(0).password());
        assertEquals("true", config.users().get(0).claims().get("email_verified"));
    }

    @Test
    void readsAUsersTotpSecretFromTotpSecretWithItsVariableDefault() throws Exception {
        RealmConfig config = new RealmYamlReader(new EnvSubstitution(Map.<String, String>of()::get))
                .read(Path.of("src/test/resources/realms/test.yaml"));

        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", config.users().get(0).totpSecret());
        assertEquals(null, config.users().get(1).totpSecret());
    }

    @Test
    void unsetVariableInAnotherServicesSectionDoesNotFailTheImport() throws Exception {
        RealmConfig config = new RealmYamlReader(new EnvSubstitution(Map.<String, String>of()::get))
                .read(Path.of("src/test/resources/realms/admin-like.yaml"));

        assertEquals("admin-like", config.realm());
        assertTrue(config.trees().isEmpty());
        assertTrue(config.users().isEmpty());
    }

    @Test
    void unsetVariableInAUserFailsNamingFileAndVariable(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        java.nio.file.Files.writeString(file, "realm: r\nusers:\n  - username: a\n    password: ${NOPE}\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RealmYamlReader(new EnvSubstitution(Map.<String, String>of()::get)).read(file));
        assertEquals("bad.yaml: environment variable NOPE is not set and has no default", e.getMessage());
    }
}
