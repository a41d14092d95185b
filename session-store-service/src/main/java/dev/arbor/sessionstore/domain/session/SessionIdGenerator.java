package dev.arbor.sessionstore.domain.session;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Session ids: 256 bits from a CSPRNG, base64url without padding (43 characters). That is well
 * above the 64 bits of entropy OWASP's Session Management Cheat Sheet asks for, so ids cannot be
 * guessed.
 */
public final class SessionIdGenerator {
    private static final int ID_BYTES = 32;

    private final SecureRandom random;

    public SessionIdGenerator(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
