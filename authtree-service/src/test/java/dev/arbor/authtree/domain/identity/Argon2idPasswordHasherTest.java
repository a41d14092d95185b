package dev.arbor.authtree.domain.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {
    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(new SecureRandom());

    @Test
    void hashIsPhcStringWithOwaspParametersSixteenByteSaltAndThirtyTwoByteHash() {
        String phc = hasher.hash("Wonderland-2026");

        assertTrue(phc.matches("^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$"), phc);
        String[] parts = phc.split("\\$");
        assertTrue(Base64.getDecoder().decode(parts[4]).length == 16);
        assertTrue(Base64.getDecoder().decode(parts[5]).length == 32);
    }

    @Test
    void verifyAcceptsTheRightPasswordAndRefusesAWrongOne() {
        String phc = hasher.hash("Wonderland-2026");

        assertTrue(hasher.verify(phc, "Wonderland-2026"));
        assertFalse(hasher.verify(phc, "wonderland-2026"));
        assertFalse(hasher.verify(phc, ""));
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void verifyAcceptsTheReferenceImplementationsPublishedArgon2idVectors() {
        // P-H-C/phc-winner-argon2 src/test.c, Argon2id version 0x13, password "password", salt "somesalt"
        assertTrue(hasher.verify("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "password"));
        assertTrue(hasher.verify("$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "password"));
        assertFalse(hasher.verify("$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
                "passwore"));
    }

    @Test
    void malformedOrMissingHashNeverVerifies() {
        assertFalse(hasher.verify("$2a$10$bcrypt", "x"));
        assertFalse(hasher.verify(null, "x"));
        assertFalse(hasher.verify("$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", "x"));
    }

    @Test
    void unknownUserVerifiesAgainstDummyAndFails() {
        assertFalse(hasher.verifyOrDummy(null, "Wonderland-2026"));
        assertTrue(hasher.verifyOrDummy(hasher.hash("x"), "x"));
    }
}
