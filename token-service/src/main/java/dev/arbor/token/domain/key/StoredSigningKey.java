package dev.arbor.token.domain.key;

import java.time.Instant;
import java.util.Objects;

/**
 * A signing key as stored: the public JWK in clear, the private JWK only as a compact JWE
 * (RFC 7516 §7.1) under the key-encryption key, and its lifecycle as timestamps (see
 * {@link KeyLifecycle}).
 *
 * @param activatesAt the key signs from this instant on
 * @param retiredAt   the key stops signing at this instant; {@code null} while it is the current or next key
 */
public record StoredSigningKey(String kid, String realm, SigningAlgorithm alg, String publicJwk,
        String sealedPrivateJwk, Instant activatesAt, Instant retiredAt) {

    public StoredSigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(activatesAt, "activatesAt");
    }

    /** Whether this key signs at {@code now}: activated, not yet retired. */
    public boolean signsAt(Instant now) {
        return !now.isBefore(activatesAt) && (retiredAt == null || now.isBefore(retiredAt));
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    @Override
    public String toString() {
        return "StoredSigningKey[kid=" + kid + ", realm=" + realm + ", alg=" + alg + ", activatesAt=" + activatesAt
                + ", retiredAt=" + retiredAt + "]";
    }
}
