package dev.arbor.authtree.domain.recovery;

/** One unused recovery code as stored: its row id and its HMAC, never the code. */
public record StoredRecoveryCode(long id, byte[] hash) {
    public StoredRecoveryCode {
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}
