package dev.arbor.scriptrunner.domain.execution;

import java.util.List;
import java.util.Map;

/**
 * What a realm's scripts may reach beyond their input, from the realm YAML's {@code scriptSettings:}
 * section: the hosts {@code http.fetch} may call and the secrets {@code secrets.get} returns. A
 * realm without the section gets {@link #NONE}: no network, no secrets.
 */
public record ScriptRealmSettings(List<AllowedHost> httpAllowList, Map<String, String> secrets) {
    public static final ScriptRealmSettings NONE = new ScriptRealmSettings(List.of(), Map.of());

    /** A host {@code http.fetch} may call (any port); {@code insecure}: plain {@code http://} allowed too. */
    public record AllowedHost(String host, boolean insecure) {
    }

    public ScriptRealmSettings {
        httpAllowList = List.copyOf(httpAllowList);
        secrets = Map.copyOf(secrets);
    }

    /** Custom toString: a record's default one would print the secrets' values. */
    @Override
    public String toString() {
        return "ScriptRealmSettings[httpAllowList=" + httpAllowList + ", secrets=" + secrets.keySet() + "]";
    }
}
