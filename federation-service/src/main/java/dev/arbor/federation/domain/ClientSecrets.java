package dev.arbor.federation.domain;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Client secrets chosen by Arbor: 256 bits from {@link SecureRandom}, base64url without padding
 * (43 characters). That entropy is what lets {@link ClientSecretHasher} store them under a fast keyed
 * hash instead of a slow password hash (RFC 6819 §5.1.4.2.2: secrets of high entropy).
 */
public final class ClientSecrets {
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClientSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
