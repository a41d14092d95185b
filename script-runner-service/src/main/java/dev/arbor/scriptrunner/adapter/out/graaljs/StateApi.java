package dev.arbor.scriptrunner.adapter.out.graaljs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * {@code state}: the journey's shared state. Reads see the run's own writes; writes go to a patch
 * the tree applies, never to the caller's map. A new instance per run.
 */
public final class StateApi {
    private static final int MAX_KEY_LENGTH = 128;

    private final Map<String, String> input;
    private final Map<String, String> patch = new LinkedHashMap<>();
    private final SandboxLimits limits;

    StateApi(Map<String, String> input, SandboxLimits limits) {
        this.input = input;
        this.limits = limits;
    }

    /** {@code state.get(key)}: the value as a string, or {@code null} when the key is not set. */
    @HostAccess.Export
    public String get(Value key) {
        String name = key(key, "state.get");
        String written = patch.get(name);
        return written != null ? written : input.get(name);
    }

    /** {@code state.put(key, value)}: value is a string, number or boolean, stored as a string. */
    @HostAccess.Export
    public void put(Value key, Value value) {
        String name = key(key, "state.put");
        if (value == null || !(value.isString() || value.isNumber() || value.isBoolean())) {
            throw new ScriptApiException("state.put(\"" + name + "\", value): value must be a string, number or boolean");
        }
        String text = value.isString() ? value.asString() : value.toString();
        if (text.length() > limits.maxStateValueLength()) {
            throw new ScriptApiException("state.put(\"" + name + "\"): value is longer than "
                    + limits.maxStateValueLength() + " characters");
        }
        if (!patch.containsKey(name) && patch.size() >= limits.maxStateEntries()) {
            throw new ScriptApiException("state.put: a run may write at most " + limits.maxStateEntries() + " keys");
        }
        patch.put(name, text);
    }

    Map<String, String> patch() {
        return patch;
    }

    private static String key(Value key, String call) {
        if (key == null || !key.isString() || key.asString().isEmpty()) {
            throw new ScriptApiException(call + ": key must be a non-empty string");
        }
        String name = key.asString();
        if (name.length() > MAX_KEY_LENGTH) {
            throw new ScriptApiException(call + ": key is longer than " + MAX_KEY_LENGTH + " characters");
        }
        return name;
    }
}
