package dev.arbor.authtree.domain.webauthn;

import java.util.Locale;

/** {@code UserVerificationRequirement} and {@code ResidentKeyRequirement} values (L3 §5.8.6, §5.4.6). */
public enum WebAuthnRequirement {
    REQUIRED, PREFERRED, DISCOURAGED;

    /** {@code required}, {@code preferred} or {@code discouraged}. */
    public static WebAuthnRequirement parse(String key, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "' must be required, preferred or discouraged");
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
