package dev.arbor.federation.adapter.out.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.domain.saml2.SamlKeyUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This replica's copy of the realms' current SAML keys (opening a sealed key and parsing it on every
 * signature would cost a database read and an AES-GCM open per Response). An entry lives until a
 * {@code saml_key.activated} evicts the realm ({@code arbor.config.v1}), or at most
 * {@code arbor.federation.saml-key-cache-ttl} as a safety net. A read that started before an eviction
 * is not stored after it ({@link #generation()}), so it cannot put the replaced key back.
 */
@ApplicationScoped
public class SamlKeyCache {
    private final Cache<String, SamlKeyPair> current;
    private long generation;

    /**
     * @param ttl {@code arbor.federation.saml-key-cache-ttl}: the safety net that bounds how long a replica
     *            that missed the {@code saml_key.activated} of an activation still signs with the replaced key
     */
    @Inject
    public SamlKeyCache(@ConfigProperty(name = "arbor.federation.saml-key-cache-ttl", defaultValue = "PT1M") Duration ttl) {
        this(ttl, Ticker.systemTicker());
    }

    public SamlKeyCache(Duration ttl, Ticker ticker) {
        this.current = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).executor(Runnable::run).build();
    }

    SamlKeyPair get(String realm, SamlKeyUse use) {
        return current.getIfPresent(key(realm, use));
    }

    /** Taken before a read of the store, handed to {@link #put}. */
    synchronized long generation() {
        return generation;
    }

    /** Stores what a read found, unless the realm was evicted since the read began; returns what is held. */
    synchronized SamlKeyPair put(String realm, SamlKeyUse use, SamlKeyPair key, long readInGeneration) {
        if (readInGeneration != generation) {
            return key;
        }
        SamlKeyPair held = current.asMap().putIfAbsent(key(realm, use), key);
        return held != null ? held : key;
    }

    /** Drops the realm's current keys of both uses; the next signature reads the store again. */
    public synchronized void evictRealm(String realm) {
        generation++;
        for (SamlKeyUse use : SamlKeyUse.values()) {
            current.invalidate(key(realm, use));
        }
    }

    /** Whether the realm's current key of {@code use} is held. */
    public boolean holds(String realm, SamlKeyUse use) {
        return get(realm, use) != null;
    }

    private static String key(String realm, SamlKeyUse use) {
        return realm + "|" + use.value();
    }
}
