package dev.arbor.authtree.adapter.in.startup;

import dev.arbor.contracts.realm.EnvSubstitution;
import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.realm.RealmConfig;
import dev.arbor.authtree.domain.realm.RealmImportService;
import dev.arbor.authtree.domain.tree.TreeValidationException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Imports {@code trees:} and {@code users:} of every {@code *.yaml} in {@code arbor.realms.dir} at start-up,
 * in one transaction. An invalid tree or an unset variable fails start-up with a message naming it.
 */
@ApplicationScoped
public class RealmImportOnStartup {
    private static final Logger LOG = Logger.getLogger(RealmImportOnStartup.class);

    private final RealmImportService importer;
    private final Path dir;
    private final RealmYamlReader reader = new RealmYamlReader(EnvSubstitution.fromSystemEnvironment());

    public RealmImportOnStartup(RealmImportService importer, ArborConfig config) {
        this.importer = importer;
        this.dir = Path.of(config.realms().dir());
    }

    void onStart(@Observes StartupEvent event) {
        importAll();
    }

    /** @return how many trees and users were written */
    @Transactional
    public int importAll() {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("realm folder %s does not exist; nothing imported", dir.toAbsolutePath());
            return 0;
        }
        int written = 0;
        for (Path file : yamlFiles()) {
            RealmConfig config = read(file);
            int n;
            try {
                n = importer.importRealm(config);
            } catch (TreeValidationException | IllegalArgumentException e) {
                throw new IllegalStateException("realm file " + file.getFileName() + ": " + e.getMessage(), e);
            }
            LOG.infof("realm %s from %s: %d trees, %d users, %d written", config.realm(), file.getFileName(),
                    config.trees().size(), config.users().size(), n);
            written += n;
        }
        return written;
    }

    private RealmConfig read(Path file) {
        try {
            return reader.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read realm file " + file, e);
        }
    }

    private List<Path> yamlFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
