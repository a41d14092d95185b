package dev.arbor.authtree.adapter.out.webauthn;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.webauthn.RelyingPartySettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each realm's WebAuthn relying party settings, as imported from realm YAML at start-up (every replica imports
 * the same folder); a realm without a {@code webauthn:} section uses {@code arbor.public-url}.
 */
@ApplicationScoped
public class WebAuthnRealms {
    private final Map<String, RelyingPartySettings> byRealm = new ConcurrentHashMap<>();
    private final RelyingPartySettings fallback;

    public WebAuthnRealms(ArborConfig config) {
        this.fallback = RelyingPartySettings.fromPublicUrl(config.publicUrl());
    }

    public void put(String realm, RelyingPartySettings settings) {
        byRealm.put(realm, settings);
    }

    public RelyingPartySettings of(String realm) {
        return byRealm.getOrDefault(realm, fallback);
    }
}
