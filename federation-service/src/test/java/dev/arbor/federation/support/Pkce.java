package dev.arbor.federation.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RFC 7636 §4.1–4.2 test values. */
public final class Pkce {
    public static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9ly7BRs0ExZJKQ5hQ5Ud9v7X-v1cgDzQ";
    public static final String CHALLENGE = s256(VERIFIER);

    private Pkce() {
    }

    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
