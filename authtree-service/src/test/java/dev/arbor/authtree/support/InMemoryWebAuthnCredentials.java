package dev.arbor.authtree.support;

import dev.arbor.authtree.domain.webauthn.WebAuthnCredential;
import dev.arbor.authtree.port.WebAuthnCredentialStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The credential store port in memory, for unit tests of the relying party and the nodes. */
public final class InMemoryWebAuthnCredentials implements WebAuthnCredentialStore {
    public final List<WebAuthnCredential> credentials = new ArrayList<>();

    @Override
    public synchronized boolean add(WebAuthnCredential credential) {
        if (find(credential.realm(), credential.credentialId()).isPresent()) {
            return false;
        }
        return credentials.add(credential);
    }

    @Override
    public synchronized Optional<WebAuthnCredential> find(String realm, byte[] credentialId) {
        return credentials.stream().filter(c -> c.realm().equals(realm) && Arrays.equals(c.credentialId(), credentialId))
                .findFirst();
    }

    @Override
    public synchronized List<WebAuthnCredential> findBySubject(String realm, UUID subject) {
        return credentials.stream().filter(c -> c.realm().equals(realm) && c.subject().equals(subject)).toList();
    }

    @Override
    public synchronized void recordUse(String realm, byte[] credentialId, long signCount, boolean backupState,
            boolean regressed, Instant at) {
        find(realm, credentialId).ifPresent(c -> {
            credentials.remove(c);
            credentials.add(new WebAuthnCredential(c.realm(), c.credentialId(), c.userHandle(), c.subject(),
                    c.publicKeyCose(), Math.max(c.signCount(), signCount), c.transports(), c.backupEligible(),
                    backupState, c.aaguid(), c.nickname(), c.createdAt(), at, c.signCountRegressed() || regressed));
        });
    }
}
