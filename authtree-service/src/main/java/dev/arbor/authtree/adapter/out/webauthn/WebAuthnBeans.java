package dev.arbor.authtree.adapter.out.webauthn;

import dev.arbor.authtree.port.IdentityRepository;
import dev.arbor.authtree.port.WebAuthnCredentialStore;
import dev.arbor.authtree.port.WebAuthnRelyingParty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the yubico-backed relying party with the realms' settings from realm YAML. */
public class WebAuthnBeans {
    @Produces
    @Singleton
    WebAuthnRelyingParty relyingParty(WebAuthnCredentialStore store, IdentityRepository identities,
            WebAuthnRealms realms, Clock clock) {
        return new YubicoWebAuthnRelyingParty(store, identities, realms::of, clock);
    }
}
