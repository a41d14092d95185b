package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.recovery.StoredRecoveryCode;
import java.util.List;
import java.util.UUID;

/** Each identity's recovery codes, as hashes, each usable once. */
public interface RecoveryCodeStore {
    /** Stores {@code hashes} as the identity's set, replacing every earlier code (used or not). */
    void replace(String realm, UUID subject, List<byte[]> hashes);

    /** The identity's codes not used yet. */
    List<StoredRecoveryCode> unused(String realm, UUID subject);

    /**
     * Marks code {@code id} used, atomically: of two concurrent calls (any replicas) exactly one returns true.
     */
    boolean markUsed(String realm, UUID subject, long id);
}
