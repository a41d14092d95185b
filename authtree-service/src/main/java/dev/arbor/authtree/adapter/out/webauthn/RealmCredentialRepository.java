package dev.arbor.authtree.adapter.out.webauthn;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.webauthn.UserHandles;
import dev.arbor.authtree.domain.webauthn.WebAuthnCredential;
import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.authtree.port.WebAuthnCredentialStore;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** yubico's {@link CredentialRepository} for one realm, over the {@link WebAuthnCredentialStore} port. */
final class RealmCredentialRepository implements CredentialRepository {
    private final String realm;
    private final WebAuthnCredentialStore store;
    private final IdentityRepository identities;

    RealmCredentialRepository(String realm, WebAuthnCredentialStore store, IdentityRepository identities) {
        this.realm = realm;
        this.store = store;
        this.identities = identities;
    }

    @Override
    public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
        return identities.findByUsername(realm, username)
                .map(identity -> store.findBySubject(realm, identity.id()).stream()
                        .map(RealmCredentialRepository::descriptor).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    @Override
    public Optional<ByteArray> getUserHandleForUsername(String username) {
        return identities.findByUsername(realm, username).map(identity -> new ByteArray(UserHandles.of(identity.id())));
    }

    @Override
    public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
        return UserHandles.subject(userHandle.getBytes()).flatMap(subject -> identities.findById(realm, subject))
                .map(Identity::username);
    }

    @Override
    public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
        return store.find(realm, credentialId.getBytes())
                .filter(credential -> Arrays.equals(credential.userHandle(), userHandle.getBytes()))
                .map(RealmCredentialRepository::registered);
    }

    @Override
    public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
        return store.find(realm, credentialId.getBytes()).map(RealmCredentialRepository::registered)
                .map(Set::of).orElse(Set.of());
    }

    static PublicKeyCredentialDescriptor descriptor(WebAuthnCredential credential) {
        return PublicKeyCredentialDescriptor.builder().id(new ByteArray(credential.credentialId()))
                .transports(credential.transports().stream().map(AuthenticatorTransport::of)
                        .collect(Collectors.toSet()))
                .build();
    }

    static RegisteredCredential registered(WebAuthnCredential credential) {
        return RegisteredCredential.builder()
                .credentialId(new ByteArray(credential.credentialId()))
                .userHandle(new ByteArray(credential.userHandle()))
                .publicKeyCose(new ByteArray(credential.publicKeyCose()))
                .signatureCount(credential.signCount())
                .backupEligible(credential.backupEligible())
                .backupState(credential.backupState())
                .build();
    }
}
