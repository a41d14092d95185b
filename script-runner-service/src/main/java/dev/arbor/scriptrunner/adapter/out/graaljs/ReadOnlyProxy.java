package dev.arbor.scriptrunner.adapter.out.graaljs;

import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A string-to-string map a script can read like a plain object ({@code headers["user-agent"]},
 * {@code Object.keys(...)}) but not change: a write throws in the guest (strict mode).
 */
final class ReadOnlyProxy implements ProxyObject {
    private final Map<String, String> values;

    ReadOnlyProxy(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    @Override
    public Object getMember(String key) {
        return values.get(key);
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromArray(values.keySet().stream().sorted().toArray());
    }

    @Override
    public boolean hasMember(String key) {
        return values.containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public boolean removeMember(String key) {
        throw new UnsupportedOperationException("read-only");
    }
}
