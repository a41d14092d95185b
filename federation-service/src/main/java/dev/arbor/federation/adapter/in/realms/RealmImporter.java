package dev.arbor.federation.adapter.in.realms;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.contracts.realm.EnvSubstitution;
import dev.arbor.federation.domain.RealmDefinition;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.port.ClientRepository;
import dev.arbor.federation.port.ServiceProviderRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * At start-up, imports the {@code clients} and {@code saml.serviceProviders} of every realm YAML in
 * {@code arbor.realms.dir} (after Flyway migrated the schema). Idempotent: an unchanged file changes nothing. An invalid
 * file fails start-up with a message naming the file — a half-configured issuer is worse than none.
 */
@ApplicationScoped
public class RealmImporter {
    private static final Logger LOG = Logger.getLogger(RealmImporter.class);

    private final ClientRepository clients;
    private final ServiceProviderRegistry serviceProviders;
    private final ClientSecretHasher hasher;
    private final ArborConfig config;

    public RealmImporter(ClientRepository clients, ServiceProviderRegistry serviceProviders, ClientSecretHasher hasher,
                         ArborConfig config) {
        this.clients = clients;
        this.serviceProviders = serviceProviders;
        this.hasher = hasher;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        Path dir = Path.of(config.realms().dir());
        if (!Files.isDirectory(dir)) {
            LOG.warnf("realm folder %s does not exist; no realm is imported", dir.toAbsolutePath());
            return;
        }
        RealmYamlReader reader = new RealmYamlReader(EnvSubstitution.fromSystemEnvironment(), hasher);
        SamlRealmYamlReader samlReader = new SamlRealmYamlReader();
        Set<String> seen = new HashSet<>();
        for (Path file : yamlFiles(dir)) {
            RealmDefinition realm = reader.read(file);
            if (!seen.add(realm.name())) {
                throw new IllegalArgumentException("realm " + realm.name() + " is defined twice (" + file.getFileName() + ")");
            }
            List<ServiceProvider> sps = samlReader.read(file, realm.name());
            VertxContextSupport.subscribeAndAwait(() -> clients.importRealm(realm));
            VertxContextSupport.subscribeAndAwait(() -> serviceProviders.importRealm(realm.name(), sps));
            LOG.infof("imported realm %s from %s: %d client(s), %d SAML service provider(s)", realm.name(),
                    file.getFileName(), realm.clients().size(), sps.size());
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("realm folder " + dir + " cannot be listed", e);
        }
    }
}
