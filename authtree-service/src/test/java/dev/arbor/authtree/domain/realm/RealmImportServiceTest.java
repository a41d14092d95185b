package dev.arbor.authtree.domain.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.InMemoryPorts;
import dev.arbor.authtree.domain.identity.Argon2idPasswordHasher;
import dev.arbor.authtree.domain.totp.TotpSecret;
import dev.arbor.authtree.domain.tree.NodeSpec;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.domain.tree.TreeValidationException;
import dev.arbor.authtree.domain.tree.TreeValidator;
import dev.arbor.authtree.node.NodeRegistry;
import dev.arbor.authtree.node.PasswordCollector;
import dev.arbor.authtree.node.UsernameCollector;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RealmImportServiceTest {
    private final InMemoryPorts ports = new InMemoryPorts();
    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(new SecureRandom());
    private final RealmImportService importer = new RealmImportService(
            new TreeValidator(new NodeRegistry(List.of(new UsernameCollector(), new PasswordCollector()))),
            ports, ports, ports, hasher, ports);

    private static RealmConfig realm(String nextOfUsername, String password, boolean isDefault) {
        TreeDefinition tree = new TreeDefinition("username", Map.of(
                "username", new NodeSpec("UsernameCollector", Map.of("next", nextOfUsername))));
        return new RealmConfig("r", List.of(new RealmConfig.TreeConfig("t", isDefault, tree)),
                List.of(new RealmConfig.UserConfig("alice", password, Map.of("name", "Alice"))));
    }

    @Test
    void unchangedDocumentWritesNothingTheSecondTime() {
        assertEquals(2, importer.importRealm(realm("success", "pw", true)));
        String hash = ports.findByUsername("r", "alice").orElseThrow().passwordHash();

        assertEquals(0, importer.importRealm(realm("success", "pw", true)));
        assertEquals(1, ports.trees.size());
        assertEquals(hash, ports.findByUsername("r", "alice").orElseThrow().passwordHash());
    }

    @Test
    void changedTreeBecomesANewVersion() {
        importer.importRealm(realm("success", "pw", true));
        importer.importRealm(realm("failure", "pw", true));

        assertEquals(2, ports.findLatest("r", "t").orElseThrow().version());
    }

    @Test
    void changedDefaultFlagAloneDoesNotReversion() {
        importer.importRealm(realm("success", "pw", true));
        assertEquals(1, importer.importRealm(realm("success", "pw", false)));

        assertEquals(1, ports.findLatest("r", "t").orElseThrow().version());
        assertTrue(ports.findDefault("r").isEmpty());
    }

    @Test
    void changedPasswordIsRehashed() {
        importer.importRealm(realm("success", "pw", true));
        String before = ports.findByUsername("r", "alice").orElseThrow().passwordHash();

        importer.importRealm(realm("success", "new-pw", true));

        String after = ports.findByUsername("r", "alice").orElseThrow().passwordHash();
        assertNotEquals(before, after);
        assertTrue(hasher.verify(after, "new-pw"));
    }

    @Test
    void invalidTreeFailsBeforeAnythingIsWritten() {
        assertThrows(TreeValidationException.class, () -> importer.importRealm(realm("nowhere", "pw", true)));
        assertTrue(ports.realms.isEmpty());
        assertEquals(0, ports.identityWrites);
    }

    @Test
    void adminVersionStaysInForceWhileTheYamlIsUnchangedAndAChangedYamlWins() {
        // Given the YAML tree imported as v1, then an admin-published v2
        importer.importRealm(realm("success", "pw", true));
        TreeDefinition adminMade = new TreeDefinition("username", Map.of(
                "username", new NodeSpec("UsernameCollector", Map.of("next", "failure"))));
        ports.trees.add(new StoredTree("r", "t", 2, true, adminMade));

        // When the unchanged YAML is imported again Then v2 stays the latest
        importer.importRealm(realm("success", "pw", true));
        assertEquals(adminMade, ports.findLatest("r", "t").orElseThrow().definition());

        // When the YAML changes Then it is published as v3 and wins
        importer.importRealm(realm("failure", "pw", true));
        StoredTree latest = ports.findLatest("r", "t").orElseThrow();
        assertEquals(3, latest.version());
        assertTrue(latest.isDefault());
    }

    @Test
    void totpSecretIsEnrolledOnceAndReplacedWhenTheYamlChangesIt() {
        String first = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertEquals(3, importer.importRealm(withTotp(first)));
        UUID alice = ports.findByUsername("r", "alice").orElseThrow().id();
        assertTrue(ports.totpSecrets.get(alice).sameAs(TotpSecret.fromBase32(first)));

        assertEquals(0, importer.importRealm(withTotp(first)));

        String second = "MFXG65DIMVZC243FMNZGK5BNN5TC2MRQ";
        assertEquals(1, importer.importRealm(withTotp(second)));
        assertTrue(ports.totpSecrets.get(alice).sameAs(TotpSecret.fromBase32(second)));
    }

    @Test
    void totpSecretThatIsNotBase32FailsBeforeAnythingIsWritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> importer.importRealm(withTotp("not base32!")));
        assertTrue(e.getMessage().contains("user 'alice' totp.secret"), e.getMessage());
        assertFalse(e.getMessage().contains("not base32!"), "the secret itself is never echoed");
        assertEquals(0, ports.identityWrites);
    }

    private static RealmConfig withTotp(String secret) {
        RealmConfig base = realm("success", "pw", true);
        return new RealmConfig("r", base.trees(),
                List.of(new RealmConfig.UserConfig("alice", "pw", Map.of("name", "Alice"), secret)));
    }
}
