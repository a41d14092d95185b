package dev.arbor.scriptrunner.domain;

import dev.arbor.scriptrunner.port.ScriptRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Imports the script versions declared in realm configuration. The whole batch is checked first
 * (one key declared twice is an error, not a last-one-wins), then stored as {@link ImportDecision}
 * says.
 */
public final class ScriptImportService {
    private final ScriptRepository repository;

    public ScriptImportService(ScriptRepository repository) {
        this.repository = repository;
    }

    public CompletionStage<List<ImportResult>> importAll(List<ScriptVersion> scripts) {
        Set<String> keys = new HashSet<>();
        for (ScriptVersion script : scripts) {
            if (!keys.add(script.realm() + "\u0000" + script.name() + "\u0000" + script.version())) {
                throw new InvalidScriptException("script '" + script.name() + "' version " + script.version()
                        + " is declared twice in realm " + script.realm());
            }
        }
        return repository.importAll(scripts);
    }
}
