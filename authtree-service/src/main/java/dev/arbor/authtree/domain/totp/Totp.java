package dev.arbor.authtree.domain.totp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 — TOTP: Time-Based One-Time Password Algorithm, with the parameters authenticator apps use:
 * HMAC-SHA1, 6 digits, a 30 s time step counted from the Unix epoch (T0 = 0, §4.1). The code of one time
 * step is HOTP (RFC 4226 §5.3) of the step number.
 */
public final class Totp {
    /** RFC 6238 §4.1 X: the time step, in seconds. */
    public static final long STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    private static final int MODULUS = 1_000_000;

    private Totp() {
    }

    /** RFC 6238 §4.2: T = floor((unix time - T0) / X). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit code of time step {@code step} under {@code key}. */
    public static String code(byte[] key, long step) {
        return code(key, step, DIGITS, "HmacSHA1");
    }

    /** RFC 4226 §5.3: HMAC over the 8-byte counter, dynamic truncation, modulo 10^digits, zero-padded. */
    static String code(byte[] key, long step, int digits, String hmac) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key, hmac));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int modulus = digits == DIGITS ? MODULUS : (int) Math.pow(10, digits);
        String code = Integer.toString(binary % modulus);
        return "0".repeat(digits - code.length()) + code;
    }
}
