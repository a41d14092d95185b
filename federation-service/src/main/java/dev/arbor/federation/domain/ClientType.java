package dev.arbor.federation.domain;

import java.util.Locale;

/** RFC 6749 §2.1 — client types. */
public enum ClientType {
    /** Can keep a secret; authenticates at the token endpoint. */
    CONFIDENTIAL,
    /** Cannot keep a secret (a browser or native app); must use PKCE. */
    PUBLIC;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException when the text is neither {@code public} nor {@code confidential} */
    public static ClientType of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("client type is missing (public | confidential)");
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "public" -> PUBLIC;
            case "confidential" -> CONFIDENTIAL;
            default -> throw new IllegalArgumentException("client type must be public or confidential, not " + value);
        };
    }
}
