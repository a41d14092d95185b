package dev.arbor.scriptrunner.adapter.out.graaljs;

import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * {@code secrets.get(name)}: a secret of the script's own realm ({@code scriptSettings.secrets} in
 * the realm YAML, usually {@code ${ENV}} references). A new instance per run holding only that
 * realm's secrets, so another realm's secret is not reachable by any name.
 */
public final class SecretsApi {
    private final Map<String, String> secrets;

    SecretsApi(Map<String, String> secrets) {
        this.secrets = secrets;
    }

    /** The value, or {@code null} when the realm has no secret of that name. */
    @HostAccess.Export
    public String get(Value name) {
        if (name == null || !name.isString() || name.asString().isEmpty()) {
            throw new ScriptApiException("secrets.get(name): name must be a non-empty string");
        }
        return secrets.get(name.asString());
    }
}
