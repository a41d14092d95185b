package dev.arbor.authtree.adapter.in.rest;

import dev.arbor.authtree.domain.realm.CookieSite;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each realm's {@link CookieSite} (realm YAML {@code ui.cookies}), held per replica like the journey API's
 * origins; a realm that names none is {@link CookieSite#SAME_SITE}.
 */
@ApplicationScoped
public class RealmCookieSites {
    private final Map<String, CookieSite> realms = new ConcurrentHashMap<>();

    public void put(String realm, CookieSite site) {
        realms.put(realm, site);
    }

    public CookieSite of(String realm) {
        return realm == null ? CookieSite.SAME_SITE : realms.getOrDefault(realm, CookieSite.SAME_SITE);
    }
}
