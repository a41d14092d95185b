package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.tree.TreeDefinition;

/** Writes what the realm import publishes. */
public interface RealmConfigStore {
    /** Creates the realm if it does not exist. */
    void ensureRealm(String realm);

    /** Publishes a new version of a tree; returns the version number. */
    int publishTree(String realm, String name, TreeDefinition definition, boolean isDefault);

    /** Marks the latest version of {@code name} as the realm's default (or not), leaving the definition alone. */
    void setDefault(String realm, String name, boolean isDefault);
}
