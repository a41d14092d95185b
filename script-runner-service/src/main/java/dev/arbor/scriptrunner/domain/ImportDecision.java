package dev.arbor.scriptrunner.domain;

import java.util.Optional;

/**
 * What importing a script version from realm YAML does to the stored one. Importing is
 * idempotent (the same file twice changes nothing), and a published version is immutable: code
 * that trees already run must not change under them; a change is a new version.
 */
public enum ImportDecision {
    /** Not stored yet: insert it. */
    INSERT,
    /** A stored draft differs: replace it (this is also how a draft gets published). */
    REPLACE_DRAFT,
    /** Stored with the same content: nothing to do. */
    UNCHANGED,
    /** A stored published version differs from the file: keep the stored one and warn. */
    KEEP_PUBLISHED;

    public static ImportDecision of(Optional<ScriptVersion> stored, ScriptVersion incoming) {
        if (stored.isEmpty()) {
            return INSERT;
        }
        ScriptVersion current = stored.get();
        if (current.sameContentAs(incoming)) {
            return UNCHANGED;
        }
        return current.isPublished() ? KEEP_PUBLISHED : REPLACE_DRAFT;
    }
}
