package dev.arbor.federation.domain.saml2;

import java.util.Optional;

/**
 * Where a realm's SAML key of one use is in its rollover (docs/guides/keys.md, "SAML keys").
 *
 * <pre>{@code
 * stateDiagram-v2
 *     [*] --> current: first use
 *     [*] --> published: POST .../{use}/next
 *     published --> current: POST .../{use}/activate
 *     current --> previous: (the published key is activated)
 *     previous --> retired: POST .../{keyId}/retire
 *     published --> retired: POST .../{keyId}/retire (abandon it)
 * }</pre>
 *
 * At most one key per realm and use is {@link #CURRENT} and at most one {@link #PUBLISHED}
 * (partial unique indexes). The metadata lists current, published and previous keys, the current
 * one first; only the current key signs.
 */
public enum SamlKeyState {
    /** Signs now; listed first in the metadata. */
    CURRENT("current"),
    /** The next key: listed in the metadata so SPs learn it before it signs; never signed yet. */
    PUBLISHED("published"),
    /** Was current: still listed so SPs verify what it signed and SPs with older metadata keep working. */
    PREVIOUS("previous"),
    /** Neither listed nor used; kept for the record. */
    RETIRED("retired");

    private final String value;

    SamlKeyState(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Whether IdP metadata lists a key in this state. */
    public boolean inMetadata() {
        return this != RETIRED;
    }

    public static Optional<SamlKeyState> of(String value) {
        for (SamlKeyState state : values()) {
            if (state.value.equals(value)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
