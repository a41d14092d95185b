package dev.arbor.authtree.node;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AM "Set Session Properties": config {@code properties: {name: value}}, each value a literal or
 * {@code ${shared:key}} (a shared-state value; transient state, where secrets live, cannot be named).
 * The node writes each property into shared state under {@value #PREFIX}{@code <name>}; when the journey
 * succeeds the engine passes them to the new SSO session. A {@code ${shared:key}} whose key is absent
 * sets nothing. Always leaves through {@code next}.
 */
public final class SetSessionProperties implements Node {
    public static final String TYPE = "SetSessionProperties";
    /** Shared-state key prefix of a session property. */
    public static final String PREFIX = "sessionProperty.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern SHARED = Pattern.compile("\\$\\{shared:([^}]*)}");
    private static final int MAX_PROPERTIES = 32;
    private static final int MAX_VALUE = 1024;

    /** Typed config: property name → literal or {@code ${shared:key}}. */
    record Config(Map<String, String> properties) {
        static Config parse(Map<String, Object> raw) {
            Object value = raw == null ? null : raw.get("properties");
            if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
                throw new IllegalArgumentException("'properties' must be a non-empty mapping {name: value}");
            }
            if (map.size() > MAX_PROPERTIES) {
                throw new IllegalArgumentException("'properties' may hold at most " + MAX_PROPERTIES + " entries");
            }
            Map<String, String> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String name = k == null ? "" : k.toString();
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("property name '" + name
                            + "' must be 1-64 letters, digits, '_', '.' or '-'");
                }
                if (v == null || v instanceof Map<?, ?> || v instanceof List<?>) {
                    throw new IllegalArgumentException("property '" + name + "' must have a single value");
                }
                String text = v.toString();
                if (text.length() > MAX_VALUE) {
                    throw new IllegalArgumentException("property '" + name + "' is longer than " + MAX_VALUE);
                }
                var ref = SHARED.matcher(text);
                if (text.startsWith("${") && (!ref.matches() || ref.group(1).isBlank())) {
                    throw new IllegalArgumentException("property '" + name
                            + "' must be a literal or ${shared:key}");
                }
                out.put(name, text);
            });
            return new Config(out);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("next");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Set<String> reads(Map<String, Object> config) {
        Set<String> keys = new LinkedHashSet<>();
        parsed(config).values().forEach(v -> sharedKey(v).ifPresent(keys::add));
        return keys;
    }

    @Override
    public Set<String> writes(Map<String, Object> config) {
        Set<String> keys = new LinkedHashSet<>();
        parsed(config).keySet().forEach(name -> keys.add(PREFIX + name));
        return keys;
    }

    @Override
    public Action process(NodeContext ctx) {
        Config.parse(ctx.config()).properties().forEach((name, value) -> {
            var key = sharedKey(value);
            if (key.isEmpty()) {
                ctx.state().putShared(PREFIX + name, value);
            } else {
                ctx.state().shared(key.get()).ifPresent(v -> ctx.state().putShared(PREFIX + name, v));
            }
        });
        return Action.goTo("next");
    }

    private static Map<String, String> parsed(Map<String, Object> config) {
        try {
            return Config.parse(config).properties();
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    private static java.util.Optional<String> sharedKey(String value) {
        var m = SHARED.matcher(value);
        return m.matches() ? java.util.Optional.of(m.group(1).strip()) : java.util.Optional.empty();
    }
}
