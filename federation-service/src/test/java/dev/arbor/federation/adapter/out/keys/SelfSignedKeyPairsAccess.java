package dev.arbor.federation.adapter.out.keys;

import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.domain.saml2.SamlKeyUse;
import java.time.Clock;

/** Test access to this package: puts a freshly generated key into a {@link SamlKeyCache} as if read from the store. */
public final class SelfSignedKeyPairsAccess {
    private final SelfSignedKeyPairs generator = new SelfSignedKeyPairs(Clock.systemUTC());

    public void hold(SamlKeyCache cache, String realm, SamlKeyUse use) {
        var generated = generator.generate(realm, use.value());
        cache.put(realm, use, new SamlKeyPair(generated.keyId(), generated.keyPair().getPrivate(), generated.certificate()),
                cache.generation());
    }
}
