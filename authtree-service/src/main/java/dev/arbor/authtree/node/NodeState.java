package dev.arbor.authtree.node;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one journey while a request runs it. Shared state is persisted between steps; transient
 * state (secrets such as the password, as AM's {@code putTransient}) lives only for the current request
 * and is never serialized.
 */
public final class NodeState {
    private final Map<String, String> shared;
    private final Map<String, String> transientState = new HashMap<>();

    public NodeState(Map<String, String> shared) {
        this.shared = new LinkedHashMap<>(shared);
    }

    public Optional<String> shared(String key) {
        return Optional.ofNullable(shared.get(key));
    }

    public Optional<String> transientValue(String key) {
        return Optional.ofNullable(transientState.get(key));
    }

    public void putShared(String key, String value) {
        shared.put(key, value);
    }

    public void removeShared(String key) {
        shared.remove(key);
    }

    public void putTransient(String key, String value) {
        transientState.put(key, value);
    }

    /** Forgets every transient value (an inner tree's secrets do not come back to the outer tree). */
    public void clearTransient() {
        transientState.clear();
    }

    /** A copy of the shared state: the only part that is persisted. */
    public Map<String, String> sharedSnapshot() {
        return Map.copyOf(shared);
    }
}
