package dev.arbor.authtree.adapter.in.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arbor.authtree.adapter.out.webauthn.WebAuthnRealms;
import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.webauthn.RelyingPartySettings;
import dev.arbor.contracts.realm.EnvSubstitution;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Reads the {@code webauthn:} section ({@code rpId}, {@code rpName}, {@code origins}) of every realm YAML in
 * {@code arbor.realms.dir} at start-up. Kept apart from {@link RealmImportOnStartup} (trees and users, in the
 * database) because it is per-replica configuration. A bad section stops start-up with the file named.
 */
@ApplicationScoped
public class WebAuthnRealmImport {
    private static final Logger LOG = Logger.getLogger(WebAuthnRealmImport.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final WebAuthnRealms realms;
    private final Path dir;
    private final EnvSubstitution env = EnvSubstitution.fromSystemEnvironment();

    public WebAuthnRealmImport(WebAuthnRealms realms, ArborConfig config) {
        this.realms = realms;
        this.dir = Path.of(config.realms().dir());
    }

    void onStart(@Observes StartupEvent event) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().forEach(this::importFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    void importFile(Path file) {
        try {
            JsonNode root = YAML.readTree(file.toFile());
            JsonNode section = root == null ? null : root.get("webauthn");
            if (section == null || section.isNull() || root.get("realm") == null) {
                return;
            }
            String name = file.getFileName().toString();
            List<String> origins = new ArrayList<>();
            section.path("origins").forEach(o -> origins.add(env.apply(o.asText(), name)));
            RelyingPartySettings settings = new RelyingPartySettings(env.apply(section.path("rpId").asText(""), name),
                    env.apply(section.path("rpName").asText("Arbor"), name), origins);
            String realm = env.apply(root.get("realm").asText(), name);
            realms.put(realm, settings);
            LOG.infof("realm %s: WebAuthn RP ID %s, origins %s", realm, settings.rpId(), settings.origins());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read realm file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("realm file " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
