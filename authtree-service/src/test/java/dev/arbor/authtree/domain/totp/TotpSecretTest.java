package dev.arbor.authtree.domain.totp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TotpSecretTest {
    @Test
    void generatedSecretIs160RandomBitsAnd32Base32Characters() {
        TotpSecret a = TotpSecret.generate(new SecureRandom());
        TotpSecret b = TotpSecret.generate(new SecureRandom());
        assertEquals(20, a.bytes().length);
        assertEquals(32, a.base32().length());
        assertNotEquals(a.base32(), b.base32());
    }

    @Test
    void base32RoundTripsAndAcceptsLowerCaseSpacesAndPadding() {
        // RFC 4648 §6 alphabet: BASE32("foobarfoobarfoob") = "MZXW6YTBOJTG633CMFZGM33PMI======"
        TotpSecret secret = TotpSecret.fromBase32("mzxw 6ytb ojtg 633c mfzg m33p mi======");
        assertArrayEquals("foobarfoobarfoob".getBytes(StandardCharsets.US_ASCII), secret.bytes());
        assertEquals("MZXW6YTBOJTG633CMFZGM33PMI", secret.base32());
    }

    @Test
    void notBase32OrShorterThan128BitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TotpSecret.fromBase32("not-base32!"));
        // 15 bytes = 120 bits: one byte short of RFC 4226 §4 R6
        assertThrows(IllegalArgumentException.class, () -> TotpSecret.fromBase32("MZXW6YTBOJTG633CMFZGM33P"));
        assertThrows(IllegalArgumentException.class, () -> TotpSecret.fromBase32(null));
    }

    @Test
    void otpauthUriFollowsTheKeyUriFormat() {
        TotpSecret secret = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertEquals("otpauth://totp/Arbor%20Demo:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Arbor%20Demo&algorithm=SHA1&digits=6&period=30",
                secret.otpauthUri("Arbor Demo", "alice@example.com"));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        TotpSecret secret = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertFalse(secret.toString().contains("GEZDGNBV"));
        assertTrue(secret.sameAs(TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")));
    }
}
