package dev.arbor.authtree.domain.tree;

import dev.arbor.authtree.port.TreeDraftStore;
import dev.arbor.authtree.port.TreeRepository;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tree admin API's use cases. A draft is validated by the same {@link TreeValidator} as realm import
 * before it is saved, and again when it is published (node types may have changed since). Published versions
 * are never modified: publishing adds the next version, which new journeys use; a running journey keeps the
 * version it started on (it stores that number).
 */
public final class TreeAdminService {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final TreeRepository trees;
    private final TreeDraftStore drafts;
    private final TreeValidator validator;

    public TreeAdminService(TreeRepository trees, TreeDraftStore drafts, TreeValidator validator) {
        this.trees = trees;
        this.drafts = drafts;
        this.validator = validator;
    }

    public List<TreeSummary> list(String realm) {
        requireRealm(realm);
        return drafts.list(realm);
    }

    /** The latest published version, or {@code version} exactly. */
    public StoredTree get(String realm, String name, Optional<Integer> version) {
        requireRealm(realm);
        return version.map(v -> trees.find(realm, name, v)).orElseGet(() -> trees.findLatest(realm, name))
                .orElseThrow(() -> TreeAdminException.notFound("No published version of tree '" + name + "'"
                        + version.map(v -> " with version " + v).orElse("")));
    }

    public TreeDefinition draft(String realm, String name) {
        requireRealm(realm);
        return drafts.findDraft(realm, name)
                .orElseThrow(() -> TreeAdminException.notFound("Tree '" + name + "' has no draft"));
    }

    /** @throws TreeValidationException listing every problem of the definition */
    public void saveDraft(String realm, String name, TreeDefinition definition) {
        requireRealm(realm);
        if (!NAME.matcher(name).matches()) {
            throw new TreeValidationException("tree name '" + name
                    + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        validator.validate(name, definition);
        drafts.saveDraft(realm, name, definition);
    }

    /** @return the new version number */
    public int publish(String realm, String name) {
        TreeDefinition draft = draft(realm, name);
        validator.validate(name, draft);
        return drafts.publish(realm, name, draft).orElseThrow(
                () -> TreeAdminException.conflict("Tree '" + name + "' was published concurrently; publish again"));
    }

    /** Refused while the tree is the realm's default: journeys without {@code ?tree=} would have none. */
    public void delete(String realm, String name) {
        requireRealm(realm);
        if (trees.findDefault(realm).filter(t -> t.name().equals(name)).isPresent()) {
            throw TreeAdminException.conflict("Tree '" + name + "' is the realm's default tree");
        }
        if (!drafts.delete(realm, name)) {
            throw TreeAdminException.notFound("No tree '" + name + "'");
        }
    }

    private void requireRealm(String realm) {
        if (!trees.realmExists(realm)) {
            throw TreeAdminException.notFound("No realm '" + realm + "'");
        }
    }
}
