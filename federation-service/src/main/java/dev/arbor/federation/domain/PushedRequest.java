package dev.arbor.federation.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * RFC 9126 — an authorization request a client pushed to the PAR endpoint, kept until its
 * {@code request_uri} is used once or expires.
 *
 * @param realm      where it was pushed
 * @param clientId   the authenticated client that pushed it
 * @param parameters the validated authorization request (a request object already unpacked)
 */
public record PushedRequest(String realm, String clientId, Map<String, String> parameters) {
    /** RFC 9126 §2.2: the request_uri's scheme and prefix. */
    public static final String URN_PREFIX = "urn:ietf:params:oauth:request_uri:";
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public PushedRequest {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(clientId, "clientId");
        parameters = Map.copyOf(parameters);
    }

    /** A fresh reference of 256 random bits (RFC 9126 §2.2: "cannot be guessed"). */
    public static String newReference() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isPushedUri(String requestUri) {
        return requestUri != null && requestUri.startsWith(URN_PREFIX);
    }

    /** The reference of a well-formed PAR request_uri, or null. */
    public static String referenceOf(String requestUri) {
        if (!isPushedUri(requestUri)) {
            return null;
        }
        String reference = requestUri.substring(URN_PREFIX.length());
        return REFERENCE.matcher(reference).matches() ? reference : null;
    }
}
