package dev.arbor.authtree.adapter.in.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.authtree.port.TreeRepository;
import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RealmImportIdempotenceTest {
    @Inject
    RealmImportOnStartup importer;

    @Inject
    TreeRepository trees;

    @Inject
    IdentityRepository identities;

    @Test
    void secondImportOfTheSameFolderChangesNothing() {
        StoredTree loginBefore = trees.findLatest("test", "login").orElseThrow();
        Identity aliceBefore = identities.findByUsername("test", "alice").orElseThrow();

        int written = importer.importAll();

        assertEquals(0, written);
        StoredTree loginAfter = trees.findLatest("test", "login").orElseThrow();
        assertEquals(loginBefore, loginAfter);
        assertEquals(1, loginAfter.version());
        assertTrue(loginAfter.isDefault());
        assertEquals(loginAfter, trees.findDefault("test").orElseThrow());
        assertEquals(aliceBefore, identities.findByUsername("test", "alice").orElseThrow());
    }

    @Test
    void importedHashIsArgon2idPhc() {
        String hash = identities.findByUsername("test", "alice").orElseThrow().passwordHash();
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    }
}
