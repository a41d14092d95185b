package dev.arbor.authtree.adapter.out.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JweSecretSealerTest {
    private static final String AUTH_ID_KEY = "dGVzdC1vbmx5LWF1dGgtaWQta2V5LTMyLWJ5dGVzLW9rIQ";
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private final JweSecretSealer sealer = new JweSecretSealer(SecretEncryptionKey.from(Optional.empty(), AUTH_ID_KEY));

    @Test
    void sealedSecretIsADirA256gcmJweThatOpensToTheSameBytes() {
        String sealed = sealer.seal(SECRET);
        assertEquals(5, sealed.split("\\.", -1).length);
        String header = new String(Base64.getUrlDecoder().decode(sealed.split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"alg\":\"dir\"") && header.contains("\"enc\":\"A256GCM\""), header);
        assertArrayEquals(SECRET, sealer.open(sealed).orElseThrow());
        assertNotEquals(sealed, sealer.seal(SECRET), "a fresh IV each time");
    }

    @Test
    void alteredOrForeignCiphertextDoesNotOpen() {
        String sealed = sealer.seal(SECRET);
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        JweSecretSealer other = new JweSecretSealer(SecretEncryptionKey.from(
                Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32])), AUTH_ID_KEY));

        assertTrue(sealer.open(altered).isEmpty());
        assertTrue(other.open(sealed).isEmpty());
        assertTrue(sealer.open("not a jwe").isEmpty());
        assertTrue(sealer.open(null).isEmpty());
    }

    @Test
    void configuredKeyOfTheWrongLengthFailsNamingThePropertyNotTheValue() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SecretEncryptionKey.from(Optional.of("c2hvcnQ"), AUTH_ID_KEY));
        assertTrue(e.getMessage().contains("arbor.authtree.secret-encryption-key"));
        assertFalse(e.getMessage().contains("c2hvcnQ"));
        assertFalse(SecretEncryptionKey.from(Optional.empty(), AUTH_ID_KEY).toString().contains(AUTH_ID_KEY));
    }
}
