package dev.arbor.authtree.domain.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 Appendix B test vectors, SHA1 mode: the 20-byte ASCII seed "12345678901234567890". */
class TotpTest {
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0}s → {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void appendixBVectorsSha1EightDigits(long unixSeconds, String expected) {
        assertEquals(expected, Totp.code(SEED, Totp.step(Instant.ofEpochSecond(unixSeconds)), 8, "HmacSHA1"));
    }

    @ParameterizedTest(name = "T={0}s → {1}")
    @CsvSource({"59, 287082", "1111111109, 081804", "1234567890, 005924", "20000000000, 353130"})
    void sixDigitCodesAreTheLastSixDigitsOfTheSameTruncation(long unixSeconds, String expected) {
        assertEquals(expected, Totp.code(SEED, Totp.step(Instant.ofEpochSecond(unixSeconds))));
    }

    @ParameterizedTest(name = "T={0}s is step {1}")
    @CsvSource({"0, 0", "29, 0", "30, 1", "59, 1", "1111111109, 37037036", "1111111111, 37037037"})
    void stepCountsThirtySecondsFromTheEpoch(long unixSeconds, long step) {
        assertEquals(step, Totp.step(Instant.ofEpochSecond(unixSeconds)));
    }
}
