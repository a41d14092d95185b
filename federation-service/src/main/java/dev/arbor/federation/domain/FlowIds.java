package dev.arbor.federation.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Login flow ids: 256 random bits, base64url — unguessable, since the id alone resumes a flow's journey. */
public final class FlowIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private FlowIds() {
    }

    public static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Cheap syntax check before an id from the outside is used as a storage key. */
    public static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }
}
