package dev.arbor.scriptrunner.adapter.in.realm;

import dev.arbor.contracts.realm.EnvSubstitution;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arbor.scriptrunner.domain.InvalidScriptException;
import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings;
import dev.arbor.scriptrunner.domain.execution.ScriptRealmSettings.AllowedHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code scripts:} sections of every {@code *.yaml} realm file in a folder:
 * <pre>
 * realm: demo
 * scripts:
 *   - name: risk-score
 *     version: 1
 *     status: published        # draft | published
 *     outcomes: [ low, high ]
 *     source: |
 *       ...
 * </pre>
 * Other sections belong to other services and are not even looked at, so their {@code ${VAR}}s
 * (an admin client secret, say) need not be set for this service. {@code ${VAR}} is substituted in
 * {@code realm}, {@code name}, {@code status} and {@code outcomes}, but not in {@code source}: a
 * JavaScript template literal ({@code `${user}`}) is code, not a reference to the environment.
 *
 * <p>The {@code scriptSettings:} section says what the realm's scripts may reach (issue #8):
 * <pre>
 * scriptSettings:
 *   httpAllowList:                 # hosts http.fetch may call, any port, https only ...
 *     - api.example.com
 *     - { host: intranet.example, insecure: true }   # ... or plain http too
 *   secrets:                       # secrets.get(name); values are ${ENV} references, never logged
 *     riskApiKey: ${RISK_API_KEY}
 * </pre>
 */
final class RealmScriptsReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");
    /** Shorter secrets would redact ordinary words out of script logs. */
    static final int MIN_SECRET_LENGTH = 4;

    private final EnvSubstitution env;

    RealmScriptsReader(EnvSubstitution env) {
        this.env = env;
    }

    List<ScriptVersion> readFolder(Path folder) {
        List<ScriptVersion> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .forEach(file -> scripts.addAll(readFile(file)));
        } catch (IOException e) {
            throw new RealmConfigException("cannot list realm folder " + folder + ": " + e.getMessage(), e);
        }
        return scripts;
    }

    /** Each realm's {@code scriptSettings:}; realms without the section are absent. */
    Map<String, ScriptRealmSettings> readSettingsFolder(Path folder) {
        Map<String, ScriptRealmSettings> settings = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .forEach(file -> readSettingsFile(file).forEach((realm, value) -> {
                        if (settings.put(realm, value) != null) {
                            throw new RealmConfigException(file.getFileName() + ": scriptSettings of realm " + realm
                                    + " are declared in two files");
                        }
                    }));
        } catch (IOException e) {
            throw new RealmConfigException("cannot list realm folder " + folder + ": " + e.getMessage(), e);
        }
        return settings;
    }

    Map<String, ScriptRealmSettings> readSettingsFile(Path file) {
        JsonNode root = parse(file);
        JsonNode section = root.path("scriptSettings");
        if (section.isMissingNode() || section.isNull()) {
            return Map.of();
        }
        String where = file.getFileName() + " scriptSettings";
        if (!section.isObject()) {
            throw new RealmConfigException(where + ": must be a mapping");
        }
        String realm = text(root, "realm", file.getFileName().toString());
        if (realm == null || realm.isBlank()) {
            throw new RealmConfigException(file.getFileName() + ": realm is required when scriptSettings are declared");
        }
        return Map.of(realm, new ScriptRealmSettings(allowList(section.path("httpAllowList"), where + ".httpAllowList"),
                secrets(section.path("secrets"), where + ".secrets")));
    }

    private List<AllowedHost> allowList(JsonNode list, String where) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new RealmConfigException(where + ": must be a list of hosts");
        }
        List<AllowedHost> hosts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = where + "[" + i + "]";
            String host = entry.isObject() ? text(entry, "host", at) : entry.isValueNode() ? substitute(entry.asText(), at) : null;
            if (host == null || !HOST.matcher(host).matches()) {
                throw new RealmConfigException(at + ": must be a host name (no scheme, port or path)");
            }
            hosts.add(new AllowedHost(host.toLowerCase(java.util.Locale.ROOT),
                    entry.isObject() && entry.path("insecure").asBoolean(false)));
        }
        return hosts;
    }

    private Map<String, String> secrets(JsonNode map, String where) {
        if (map.isMissingNode() || map.isNull()) {
            return Map.of();
        }
        if (!map.isObject()) {
            throw new RealmConfigException(where + ": must be a mapping of name to value");
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        map.fields().forEachRemaining(field -> {
            String at = where + "." + field.getKey();
            if (!SECRET_NAME.matcher(field.getKey()).matches()) {
                throw new RealmConfigException(at + ": a secret's name is letters, digits, '_', '.' or '-'");
            }
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw new RealmConfigException(at + ": must be a string (usually ${VAR})");
            }
            String value = substitute(field.getValue().asText(), at);
            if (value.length() < MIN_SECRET_LENGTH) {
                throw new RealmConfigException(at + ": a secret must be at least " + MIN_SECRET_LENGTH + " characters");
            }
            secrets.put(field.getKey(), value);
        });
        return secrets;
    }

    List<ScriptVersion> readFile(Path file) {
        JsonNode root = parse(file);
        JsonNode section = root.path("scripts");
        if (section.isMissingNode() || section.isNull()) {
            return List.of();
        }
        String where = file.getFileName().toString();
        if (!section.isArray()) {
            throw new RealmConfigException(where + ": scripts must be a list");
        }
        String realm = text(root, "realm", where);
        if (realm == null || realm.isBlank()) {
            throw new RealmConfigException(where + ": realm is required when scripts are declared");
        }
        List<ScriptVersion> scripts = new ArrayList<>();
        for (int i = 0; i < section.size(); i++) {
            scripts.add(toScript(realm, section.get(i), where + " scripts[" + i + "]"));
        }
        return scripts;
    }

    private ScriptVersion toScript(String realm, JsonNode node, String where) {
        if (!node.isObject()) {
            throw new RealmConfigException(where + ": must be a mapping");
        }
        JsonNode version = node.path("version");
        if (!version.canConvertToExactIntegral() || !version.canConvertToInt()) {
            throw new RealmConfigException(where + ": version must be a whole number");
        }
        String status = text(node, "status", where);
        List<String> outcomes = new ArrayList<>();
        node.path("outcomes").forEach(outcome -> outcomes.add(substitute(outcome.asText(), where + ".outcomes")));
        try {
            return new ScriptVersion(realm, text(node, "name", where), version.asInt(),
                    ScriptStatus.parse(status).orElse(null), node.path("source").asText(null), outcomes);
        } catch (InvalidScriptException e) {
            throw new RealmConfigException(where + ": " + e.getMessage(), e);
        }
    }

    private String substitute(String value, String where) {
        try {
            return env.apply(value, where);
        } catch (IllegalArgumentException e) {
            throw new RealmConfigException(e.getMessage() + " (write ${VAR:-default} to give one)");
        }
    }

    private String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? substitute(value.asText(), where + "." + field) : null;
    }

    private static JsonNode parse(Path file) {
        try {
            JsonNode root = YAML.readTree(file.toFile());
            return root == null || root.isMissingNode() ? YAML.createObjectNode() : root;
        } catch (JsonProcessingException e) {
            // Only the position: SnakeYAML's own message quotes the offending line, which may hold a secret.
            JsonLocation at = e.getLocation();
            throw new RealmConfigException("realm file " + file.getFileName() + " is not valid YAML"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new RealmConfigException("cannot read realm file " + file.getFileName() + ": "
                    + e.getClass().getSimpleName());
        }
    }
}
