package dev.arbor.federation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientSecretHasherTest {
    private final ClientSecretHasher hasher = new ClientSecretHasher("pepper-1");

    @Test
    void theSameSecretHashesTheSameSoImportIsIdempotent() {
        assertEquals(hasher.hash("s3cret"), hasher.hash("s3cret"));
    }

    @Test
    void hashDependsOnThePepperAndNeverContainsTheSecret() {
        String hash = hasher.hash("s3cret");
        assertNotEquals(new ClientSecretHasher("pepper-2").hash("s3cret"), hash);
        assertFalse(hash.contains("s3cret"));
    }

    @Test
    void matchesOnlyTheRightSecret() {
        Optional<String> stored = Optional.of(hasher.hash("s3cret"));
        assertTrue(hasher.matches("s3cret", stored));
        assertFalse(hasher.matches("s3cret ", stored));
        assertFalse(hasher.matches(null, stored));
        assertFalse(hasher.matches("s3cret", Optional.empty()));
        assertFalse(hasher.matches("s3cret", Optional.of("%%not base64%%")));
    }

    @Test
    void emptyPepperIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClientSecretHasher(" "));
    }
}
