package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.webauthn.WebAuthnCredential;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The realm's WebAuthn credential records. */
public interface WebAuthnCredentialStore {
    /** Stores a new credential; {@code false} when its id is already registered in the realm (to anyone). */
    boolean add(WebAuthnCredential credential);

    Optional<WebAuthnCredential> find(String realm, byte[] credentialId);

    List<WebAuthnCredential> findBySubject(String realm, UUID subject);

    /**
     * Records a verified use: the new counter (kept at the stored value when it regressed), the backup state,
     * and {@code regressed} sets the sticky clone flag.
     */
    void recordUse(String realm, byte[] credentialId, long signCount, boolean backupState, boolean regressed,
            Instant at);
}
