package dev.arbor.authtree.adapter.in.startup;

import dev.arbor.contracts.realm.EnvSubstitution;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arbor.authtree.domain.realm.RealmConfig;
import dev.arbor.authtree.domain.tree.NodeMemory;
import dev.arbor.authtree.domain.tree.NodeSpec;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads the {@code trees:} and {@code users:} sections of one realm YAML document (other sections belong to
 * other services). {@code ${VAR}} / {@code ${VAR:-default}} in those sections' string values are replaced
 * before mapping; other sections are not looked at.
 */
public final class RealmYamlReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final EnvSubstitution env;

    public RealmYamlReader(EnvSubstitution env) {
        this.env = env;
    }

    public RealmConfig read(Path file) throws IOException {
        JsonNode root = YAML.readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": not a realm document");
        }
        // Only our sections: a variable another service needs (a client secret) must not fail this start-up.
        UnaryOperator<String> replace = value -> env.apply(value, file.getFileName().toString());
        return new RealmConfig(replace.apply(text(root, "realm")), trees(substitute(root.path("trees"), replace)),
                users(substitute(root.path("users"), replace)));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper CONFIG_MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static List<RealmConfig.TreeConfig> trees(JsonNode trees) {
        List<RealmConfig.TreeConfig> out = new ArrayList<>();
        for (JsonNode tree : trees) {
            Map<String, NodeSpec> nodes = new LinkedHashMap<>();
            tree.path("nodes").properties().forEach(e -> nodes.put(e.getKey(),
                    new NodeSpec(text(e.getValue(), "type"), strings(e.getValue().path("outcomes")),
                            config(e.getValue().path("config")), remember(e.getValue().path("remember")))));
            out.add(new RealmConfig.TreeConfig(text(tree, "name"), tree.path("default").asBoolean(false),
                    new TreeDefinition(text(tree, "start"), nodes)));
        }
        return out;
    }

    /** A node's {@code config} as plain values (strings, lists, maps); each node type types it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(JsonNode config) {
        if (config.isMissingNode() || config.isNull()) {
            return Map.of();
        }
        if (!config.isObject()) {
            throw new IllegalArgumentException("a node's config must be a mapping");
        }
        return CONFIG_MAPPER.convertValue(config, Map.class);
    }

    /** A node's {@code remember: {store, ttl}}, raw; the validator reports a bad store or ttl. */
    private static NodeMemory remember(JsonNode remember) {
        if (remember.isMissingNode() || remember.isNull()) {
            return null;
        }
        if (!remember.isObject()) {
            throw new IllegalArgumentException("a node's remember must be a mapping {store, ttl}");
        }
        return new NodeMemory(text(remember, "store"), text(remember, "ttl"));
    }

    private static List<RealmConfig.UserConfig> users(JsonNode users) {
        List<RealmConfig.UserConfig> out = new ArrayList<>();
        for (JsonNode user : users) {
            out.add(new RealmConfig.UserConfig(text(user, "username"), text(user, "password"),
                    strings(user.path("claims")), text(user.path("totp"), "secret")));
        }
        return out;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode substitute(JsonNode node, UnaryOperator<String> replace) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(replace.apply(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(substitute(e.getValue(), replace));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, substitute(node.get(i), replace));
            }
        }
        return node;
    }
}
