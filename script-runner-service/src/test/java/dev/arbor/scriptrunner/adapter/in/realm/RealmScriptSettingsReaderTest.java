package dev.arbor.scriptrunner.adapter.in.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.realm.EnvSubstitution;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings.AllowedHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The realm YAML's scriptSettings: section (http allow-list, secrets from ${ENV}). */
class RealmScriptSettingsReaderTest {
    static final String SECRET = "value-from-the-environment";
    private final RealmScriptsReader reader = new RealmScriptsReader(new EnvSubstitution(Map.of("API_KEY", SECRET)::get));

    @TempDir
    Path folder;

    @Test
    void allowListAndSecretsAreReadWithEnvironmentValues() throws IOException {
        write("acme.yaml", """
                realm: acme
                scriptSettings:
                  httpAllowList:
                    - API.example.com
                    - { host: intranet.example, insecure: true }
                  secrets:
                    apiKey: ${API_KEY}
                    fallback: ${UNSET_VAR:-default-value}
                """);
        write("plain.yaml", "realm: plain\n");

        Map<String, ScriptRealmSettings> settings = reader.readSettingsFolder(folder);

        assertEquals(Map.of("acme", new ScriptRealmSettings(
                List.of(new AllowedHost("api.example.com", false), new AllowedHost("intranet.example", true)),
                Map.of("apiKey", SECRET, "fallback", "default-value"))), settings);
        assertFalse(settings.get("acme").toString().contains(SECRET), "toString never prints a secret");
    }

    @Test
    void unsetSecretVariableStopsStartUpNamingTheFieldNotAValue() throws IOException {
        write("acme.yaml", """
                realm: acme
                scriptSettings:
                  secrets:
                    apiKey: ${NEVER_SET}
                """);

        RealmConfigException e = assertThrows(RealmConfigException.class, () -> reader.readSettingsFolder(folder));

        assertTrue(e.getMessage().contains("NEVER_SET") && e.getMessage().contains("secrets.apiKey"), e.getMessage());
    }

    @Test
    void badEntriesAreRefusedWithTheirPlace() throws IOException {
        for (String bad : List.of(
                "scriptSettings:\n  httpAllowList:\n    - https://api.example.com/path\n",
                "scriptSettings:\n  httpAllowList: api.example.com\n",
                "scriptSettings:\n  secrets:\n    'bad name': x1234\n",
                "scriptSettings:\n  secrets:\n    short: abc\n",
                "scriptSettings: [ 1 ]\n")) {
            write("acme.yaml", "realm: acme\n" + bad);
            RealmConfigException e = assertThrows(RealmConfigException.class, () -> reader.readSettingsFolder(folder),
                    bad);
            assertTrue(e.getMessage().startsWith("acme.yaml scriptSettings"), e.getMessage());
            assertFalse(e.getMessage().contains("abc") || e.getMessage().contains("x1234"), e.getMessage());
        }
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(folder.resolve(name), yaml);
    }
}
