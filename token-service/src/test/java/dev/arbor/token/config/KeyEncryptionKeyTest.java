package dev.arbor.token.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Start-up fails clearly, without echoing the secret, when the key-encryption key is unusable. */
class KeyEncryptionKeyTest {

    @Test
    void thirtyTwoBytesOfBase64UrlAreAccepted() {
        assertEquals(32, KeyEncryptionKey.parse("dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI").bytes().length);
    }

    @Test
    void missingKeyIsRejectedNamingTheEnvVar() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> KeyEncryptionKey.parse(" "));
        assertTrue(failure.getMessage().contains("ARBOR_TOKEN_KEY_ENCRYPTION_KEY"));
    }

    @Test
    void wrongLengthIsRejectedWithoutShowingTheValue() {
        String sixteenBytes = "c2l4dGVlbi1ieXRlcy1rZXk";
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> KeyEncryptionKey.parse(sixteenBytes));
        assertTrue(failure.getMessage().contains("not 32"));
        assertFalse(failure.getMessage().contains(sixteenBytes));
    }

    @Test
    void nonBase64UrlIsRejected() {
        assertThrows(IllegalStateException.class, () -> KeyEncryptionKey.parse("not base64 at all!"));
    }
}
