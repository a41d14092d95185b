package dev.arbor.scriptrunner.domain.admin;

/**
 * One script of a realm in the admin list: its highest version, its highest published version
 * (0 when none) and whether a draft exists above it.
 */
public record ScriptSummary(String name, int latestVersion, int publishedVersion, boolean hasDraft,
                            String description) {
}
