package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.tree.StoredTree;
import java.util.Optional;

/** Realms and the published versions of their trees. */
public interface TreeRepository {
    boolean realmExists(String realm);

    /** The latest version of a named tree. */
    Optional<StoredTree> findLatest(String realm, String name);

    /** One exact version: a journey keeps running the version it started on. */
    Optional<StoredTree> find(String realm, String name, int version);

    /** The latest version of the realm's default tree. */
    Optional<StoredTree> findDefault(String realm);
}
