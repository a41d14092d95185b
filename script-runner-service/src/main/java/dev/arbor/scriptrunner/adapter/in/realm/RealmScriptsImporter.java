package dev.arbor.scriptrunner.adapter.in.realm;

import dev.arbor.contracts.realm.EnvSubstitution;
import dev.arbor.scriptrunner.config.ScriptRunnerConfig;
import dev.arbor.scriptrunner.domain.ImportDecision;
import dev.arbor.scriptrunner.domain.ImportResult;
import dev.arbor.scriptrunner.domain.ScriptImportService;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Imports the realm files' {@code scripts:} sections at start-up (after Flyway). Idempotent: a
 * second start with the same files changes nothing. A broken file stops start-up with a message
 * that names the file and the field.
 */
@ApplicationScoped
public class RealmScriptsImporter {
    private static final Logger LOG = Logger.getLogger(RealmScriptsImporter.class);

    private final ScriptImportService importer;
    private final ScriptRunnerConfig config;
    private final RealmScriptSettingsRegistry settings;
    private final RealmScriptsReader reader = new RealmScriptsReader(EnvSubstitution.fromSystemEnvironment());

    public RealmScriptsImporter(ScriptImportService importer, ScriptRunnerConfig config,
                                RealmScriptSettingsRegistry settings) {
        this.importer = importer;
        this.config = config;
        this.settings = settings;
    }

    void onStart(@Observes StartupEvent start) throws Throwable {
        importRealms();
    }

    /** Reads the configured folder and imports its scripts; blocks until the transaction is done. */
    public List<ImportResult> importRealms() throws Throwable {
        Path folder = config.realms().dir();
        if (!Files.isDirectory(folder)) {
            LOG.warnf("realm folder %s does not exist; no scripts imported", folder.toAbsolutePath());
            return List.of();
        }
        settings.replaceAll(reader.readSettingsFolder(folder));
        List<ScriptVersion> scripts = reader.readFolder(folder);
        // Hibernate Reactive needs a Vert.x context; start-up runs on the main thread.
        List<ImportResult> results = VertxContextSupport.subscribeAndAwait(
                () -> Uni.createFrom().completionStage(() -> importer.importAll(scripts)));
        report(folder, results);
        return results;
    }

    private static void report(Path folder, List<ImportResult> results) {
        Map<ImportDecision, Long> counts = results.stream()
                .collect(Collectors.groupingBy(ImportResult::decision, Collectors.counting()));
        LOG.infof("imported %d script version(s) from %s: %s", results.size(), folder, counts);
        results.stream()
                .filter(result -> result.decision() == ImportDecision.KEEP_PUBLISHED)
                .map(ImportResult::script)
                .map(describe())
                .forEach(script -> LOG.warnf("%s differs from the stored published version, which is immutable;"
                        + " kept the stored one (publish a new version instead)", script));
    }

    private static Function<ScriptVersion, String> describe() {
        return script -> "script " + script.realm() + "/" + script.name() + " v" + script.version();
    }
}
