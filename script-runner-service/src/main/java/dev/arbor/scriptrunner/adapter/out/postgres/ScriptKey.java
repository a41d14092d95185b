package dev.arbor.scriptrunner.adapter.out.postgres;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@code script_runner.scripts}: (realm, name, version). */
public class ScriptKey implements Serializable {
    private String realm;
    private String name;
    private int version;

    /** For Hibernate. */
    protected ScriptKey() {
    }

    public ScriptKey(String realm, String name, int version) {
        this.realm = realm;
        this.name = name;
        this.version = version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScriptKey key
                && version == key.version && realm.equals(key.realm) && name.equals(key.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(realm, name, version);
    }
}
