package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.tree.TreeDefinition;
import java.util.Optional;

/** Writes what the realm import publishes. */
public interface RealmConfigStore {
    /** Creates the realm if it does not exist. */
    void ensureRealm(String realm);

    /** The definition of the latest version the realm import (not the admin API) published, if any. */
    Optional<TreeDefinition> lastImported(String realm, String name);

    /** Publishes a new version of a tree as imported from realm YAML; returns the version number. */
    int publishTree(String realm, String name, TreeDefinition definition, boolean isDefault);

    /** Marks the latest version of {@code name} as the realm's default (or not), leaving the definition alone. */
    void setDefault(String realm, String name, boolean isDefault);
}
