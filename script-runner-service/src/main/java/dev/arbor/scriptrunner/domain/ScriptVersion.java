package dev.arbor.scriptrunner.domain;

import java.util.HashSet;
import java.util.List;

/**
 * One version of a user script in a realm. {@code outcomes} are the names the script may return;
 * a tree wires each one to a next node (like a node's declared outcomes in the ForgeRock node
 * API), which is why a tree validator asks for them before publishing a tree.
 */
public record ScriptVersion(String realm, String name, int version, ScriptStatus status, String source,
                            List<String> outcomes) {
    public ScriptVersion {
        String where = "script '" + name + "' version " + version + ": ";
        if (realm == null || realm.isBlank()) {
            throw new InvalidScriptException(where + "realm is required");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidScriptException("script name is required");
        }
        if (version < 1) {
            throw new InvalidScriptException(where + "version must be 1 or more");
        }
        if (status == null) {
            throw new InvalidScriptException(where + "status must be draft or published");
        }
        if (source == null || source.isBlank()) {
            throw new InvalidScriptException(where + "source is required");
        }
        if (outcomes == null || outcomes.isEmpty()) {
            throw new InvalidScriptException(where + "at least one outcome is required");
        }
        if (outcomes.stream().anyMatch(o -> o == null || o.isBlank())) {
            throw new InvalidScriptException(where + "outcomes must not be blank");
        }
        if (new HashSet<>(outcomes).size() != outcomes.size()) {
            throw new InvalidScriptException(where + "outcomes must be distinct");
        }
        outcomes = List.copyOf(outcomes);
    }

    public boolean isPublished() {
        return status == ScriptStatus.PUBLISHED;
    }

    /** Same content (status, source, outcomes) as {@code other}, whatever the key. */
    public boolean sameContentAs(ScriptVersion other) {
        return status == other.status && source.equals(other.source) && outcomes.equals(other.outcomes);
    }
}
