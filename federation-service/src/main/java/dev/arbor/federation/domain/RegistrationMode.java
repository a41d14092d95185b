package dev.arbor.federation.domain;

import java.util.Locale;

/**
 * Who may use a realm's client registration endpoint (RFC 7591 §3, §1.2: "the authorization server
 * MAY require an initial access token"). Closed unless the realm's YAML says otherwise.
 */
public enum RegistrationMode {
    /** Nobody: the endpoint refuses every request and discovery does not name it. */
    CLOSED,
    /** Whoever presents one of the realm's initial access tokens (RFC 7591 §3, RFC 6750 bearer). */
    INITIAL_ACCESS_TOKEN,
    /** Anyone who can reach the endpoint. */
    OPEN;

    /** The YAML and database spelling: {@code closed}, {@code initial-access-token}, {@code open}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the three values */
    public static RegistrationMode of(String value) {
        for (RegistrationMode mode : values()) {
            if (mode.value().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("registration mode must be closed, initial-access-token or open");
    }
}
