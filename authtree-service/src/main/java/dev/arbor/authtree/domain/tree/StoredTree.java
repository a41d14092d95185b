package dev.arbor.authtree.domain.tree;

/** One published version of a tree of a realm. Versions are immutable; a change makes a new version. */
public record StoredTree(String realm, String name, int version, boolean isDefault, TreeDefinition definition) {
}
