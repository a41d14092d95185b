package dev.arbor.authtree.domain.tree;

/** One line of a realm's tree list: {@code latestVersion} is 0 while only a draft exists. */
public record TreeSummary(String name, boolean isDefault, int latestVersion, boolean hasDraft) {
}
