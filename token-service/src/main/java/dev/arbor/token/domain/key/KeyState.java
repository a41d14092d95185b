package dev.arbor.token.domain.key;

import java.util.Locale;

/** Where a key is in its lifecycle at a given instant (see {@link KeyLifecycle}). */
public enum KeyState {
    /** Published in the JWKS, not signing yet. */
    NEXT,
    /** Signing (and published). */
    ACTIVE,
    /** No longer signing, still published so the tokens it signed verify. */
    RETIRED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
