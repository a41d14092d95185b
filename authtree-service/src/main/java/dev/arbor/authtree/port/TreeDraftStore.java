package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.domain.tree.TreeSummary;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** What the tree admin API writes: drafts, publishing a draft as the next version, and deleting a tree. */
public interface TreeDraftStore {
    /** Every tree of the realm that has a published version or a draft, by name. */
    List<TreeSummary> list(String realm);

    Optional<TreeDefinition> findDraft(String realm, String name);

    /** Creates or replaces the tree's draft. */
    void saveDraft(String realm, String name, TreeDefinition definition);

    /**
     * Publishes {@code definition} as the tree's next version (keeping the default flag of the latest version) and
     * removes the draft, atomically; empty when a concurrent publish took that version number first.
     */
    OptionalInt publish(String realm, String name, TreeDefinition definition);

    /** Removes every version and the draft; false when there was nothing to remove. */
    boolean delete(String realm, String name);
}
