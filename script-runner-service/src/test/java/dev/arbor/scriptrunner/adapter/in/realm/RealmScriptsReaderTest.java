package dev.arbor.scriptrunner.adapter.in.realm;

import dev.arbor.contracts.realm.EnvSubstitution;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealmScriptsReaderTest {
    private final RealmScriptsReader reader = new RealmScriptsReader(new EnvSubstitution(Map.of("OUT", "deny")::get));

    @TempDir
    Path folder;

    @Test
    void scriptsSectionIsReadWithRealmStatusOutcomesAndSource() throws IOException {
        write("acme.yaml", """
                realm: acme
                scripts:
                  - name: risk
                    version: 3
                    status: published
                    outcomes: [ allow, "${OUT}" ]
                    source: |
                      outcome(`${context.user}`);
                """);

        List<ScriptVersion> scripts = reader.readFolder(folder);

        assertEquals(1, scripts.size());
        ScriptVersion script = scripts.getFirst();
        assertEquals("acme", script.realm());
        assertEquals(3, script.version());
        assertEquals(ScriptStatus.PUBLISHED, script.status());
        assertEquals(List.of("allow", "deny"), script.outcomes());
        assertEquals("outcome(`${context.user}`);\n", script.source());
    }

    @Test
    void fileWithoutScriptsAndUnsetVariablesInOtherSectionsImportsNothing() throws IOException {
        write("demo.yaml", """
                realm: demo
                clients:
                  - clientId: x
                    secret: ${NEVER_SET_IN_THIS_TEST}
                """);

        assertTrue(reader.readFolder(folder).isEmpty());
    }

    @Test
    void emptyFileAndNonYamlFilesAreIgnored() throws IOException {
        write("empty.yaml", "");
        write("notes.txt", "scripts: [ not, yaml, realm ]");

        assertTrue(reader.readFolder(folder).isEmpty());
    }

    @Test
    void unsetVariableInScriptsWithoutDefaultFailsNamingFileAndVariable() throws IOException {
        write("acme.yaml", """
                realm: acme
                scripts:
                  - { name: risk, version: 1, status: draft, outcomes: [ "${NOPE}" ], source: "x" }
                """);

        var error = assertThrows(RealmConfigException.class, () -> reader.readFolder(folder));

        assertTrue(error.getMessage().contains("acme.yaml"));
        assertTrue(error.getMessage().contains("NOPE"));
    }

    @Test
    void unknownStatusFailsStartUpWithTheFieldNamed() throws IOException {
        write("acme.yaml", """
                realm: acme
                scripts:
                  - { name: risk, version: 1, status: live, outcomes: [ ok ], source: "x" }
                """);

        var error = assertThrows(RealmConfigException.class, () -> reader.readFolder(folder));

        assertTrue(error.getMessage().contains("status"));
    }

    @Test
    void nonNumericVersionFails() throws IOException {
        write("acme.yaml", """
                realm: acme
                scripts:
                  - { name: risk, version: latest, status: draft, outcomes: [ ok ], source: "x" }
                """);

        assertThrows(RealmConfigException.class, () -> reader.readFolder(folder));
    }

    @Test
    void invalidYamlFailsWithPositionButWithoutQuotingTheLine() throws IOException {
        write("broken.yaml", "realm: acme\nsecret: \"s3cr3t-value\n  : [\n");

        var error = assertThrows(RealmConfigException.class, () -> reader.readFolder(folder));

        assertTrue(error.getMessage().contains("broken.yaml"));
        assertFalse(error.getMessage().contains("s3cr3t-value"));
    }

    @Test
    void scriptsWithoutRealmFail() throws IOException {
        write("acme.yaml", """
                scripts:
                  - { name: risk, version: 1, status: draft, outcomes: [ ok ], source: "x" }
                """);

        assertThrows(RealmConfigException.class, () -> reader.readFolder(folder));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }
}
