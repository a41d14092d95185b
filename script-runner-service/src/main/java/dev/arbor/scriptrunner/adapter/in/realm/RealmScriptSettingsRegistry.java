package dev.arbor.scriptrunner.adapter.in.realm;

import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Each realm's {@code scriptSettings:} (http allow-list, secrets) as read from the realm YAML at
 * start-up; the sandbox asks it on every run. Held in memory only: secrets are never stored.
 */
@Singleton
public class RealmScriptSettingsRegistry {
    private volatile Map<String, ScriptRealmSettings> settings = Map.of();

    public ScriptRealmSettings settings(String realm) {
        return settings.getOrDefault(realm, ScriptRealmSettings.NONE);
    }

    void replaceAll(Map<String, ScriptRealmSettings> read) {
        settings = Map.copyOf(read);
    }
}
