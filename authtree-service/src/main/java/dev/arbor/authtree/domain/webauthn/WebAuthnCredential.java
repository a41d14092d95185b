package dev.arbor.authtree.domain.webauthn;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A stored WebAuthn credential record (W3C WebAuthn L3 §4 "credential record"): the public key in COSE form, its
 * signature counter, the backup flags (BE/BS, §6.1) and what the account may show about it.
 */
public record WebAuthnCredential(String realm, byte[] credentialId, byte[] userHandle, UUID subject,
        byte[] publicKeyCose, long signCount, List<String> transports, boolean backupEligible, boolean backupState,
        byte[] aaguid, String nickname, Instant createdAt, Instant lastUsedAt, boolean signCountRegressed) {
    /** The longest credential id a relying party accepts (L3 §5.1 step "credentialId ... at most 1023 bytes"). */
    public static final int MAX_CREDENTIAL_ID_LENGTH = 1023;

    public WebAuthnCredential {
        transports = transports == null ? List.of() : List.copyOf(transports);
        credentialId = credentialId.clone();
        userHandle = userHandle.clone();
        publicKeyCose = publicKeyCose.clone();
        aaguid = aaguid == null ? null : aaguid.clone();
    }

    @Override
    public byte[] credentialId() {
        return credentialId.clone();
    }

    @Override
    public byte[] userHandle() {
        return userHandle.clone();
    }

    @Override
    public byte[] publicKeyCose() {
        return publicKeyCose.clone();
    }

    @Override
    public byte[] aaguid() {
        return aaguid == null ? null : aaguid.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebAuthnCredential other && realm.equals(other.realm)
                && Arrays.equals(credentialId, other.credentialId);
    }

    @Override
    public int hashCode() {
        return realm.hashCode() * 31 + Arrays.hashCode(credentialId);
    }

    @Override
    public String toString() {
        return "WebAuthnCredential[realm=" + realm + ", subject=" + subject + ", signCount=" + signCount + "]";
    }
}
