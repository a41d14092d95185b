package dev.arbor.authtree.domain.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import org.apache.commons.codec.binary.Base32;

/**
 * A TOTP shared secret: 160 random bits (RFC 4226 §4 R6: at least 128, 160 recommended), shown to the user in base32
 * (RFC 4648 §6, no padding) inside an {@code otpauth://totp/} URI (Google Authenticator Key Uri Format).
 * Its {@link #toString()} never shows the secret.
 */
public final class TotpSecret {
    public static final int BYTES = 20;
    /** RFC 4226 §4 R6: "The length of the shared secret MUST be at least 128 bits." */
    private static final int MIN_BYTES = 16;
    private static final Base32 BASE32 = new Base32();

    private final byte[] bytes;

    private TotpSecret(byte[] bytes) {
        this.bytes = bytes;
    }

    public static TotpSecret generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new TotpSecret(bytes);
    }

    public static TotpSecret of(byte[] bytes) {
        if (bytes == null || bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("a TOTP secret must be at least 128 bits (26 base32 characters)");
        }
        return new TotpSecret(bytes.clone());
    }

    /** @throws IllegalArgumentException when {@code text} is not base32 of at least 128 bits */
    public static TotpSecret fromBase32(String text) {
        String normalized = text == null ? "" : text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        if (normalized.isEmpty() || !normalized.matches("[A-Z2-7]+")) {
            throw new IllegalArgumentException("a TOTP secret must be base32 (A-Z, 2-7)");
        }
        return of(BASE32.decode(normalized));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String base32() {
        return BASE32.encodeAsString(bytes).replace("=", "");
    }

    /**
     * Key Uri Format: {@code otpauth://totp/<issuer>:<account>?secret=..&issuer=..&algorithm=SHA1&digits=6&period=30}.
     */
    public String otpauthUri(String issuer, String account) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32() + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    /** Constant-time equality of two secrets. */
    public boolean sameAs(TotpSecret other) {
        return other != null && java.security.MessageDigest.isEqual(bytes, other.bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "TotpSecret[redacted]";
    }
}
