package dev.arbor.authtree.adapter.in.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arbor.authtree.adapter.out.webauthn.WebAuthnRealms;
import dev.arbor.authtree.adapter.in.rest.JourneyOriginPolicy;
import dev.arbor.authtree.adapter.in.rest.RealmCookieSites;
import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.realm.CookieSite;
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
 * Reads the per-replica settings of every realm YAML in {@code arbor.realms.dir} at start-up: the
 * {@code webauthn:} section ({@code rpId}, {@code rpName}, {@code origins}) and the {@code journeyApi:}
 * section ({@code allowedOrigins}: the login UIs on other origins that may call the journey API) and
 * {@code ui.cookies} ({@code same-site} or {@code cross-site}: the SameSite mode of the cookies). Kept apart
 * from {@link RealmImportOnStartup} (trees and users, in the database) because it is configuration each
 * replica holds. A bad section stops start-up with the file named.
 */
@ApplicationScoped
public class RealmSettingsImport {
    private static final Logger LOG = Logger.getLogger(RealmSettingsImport.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final WebAuthnRealms realms;
    private final JourneyOriginPolicy journeyOrigins;
    private final RealmCookieSites cookieSites;
    private final Path dir;
    private final EnvSubstitution env = EnvSubstitution.fromSystemEnvironment();

    public RealmSettingsImport(WebAuthnRealms realms, JourneyOriginPolicy journeyOrigins, RealmCookieSites cookieSites,
                               ArborConfig config) {
        this.realms = realms;
        this.journeyOrigins = journeyOrigins;
        this.cookieSites = cookieSites;
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
            if (root == null || root.get("realm") == null) {
                return;
            }
            String name = file.getFileName().toString();
            JsonNode journeyApi = root.path("journeyApi");
            if (journeyApi.isObject()) {
                List<String> allowed = new ArrayList<>();
                journeyApi.path("allowedOrigins").forEach(o -> allowed.add(env.apply(o.asText(), name)));
                String realm = env.apply(root.get("realm").asText(), name);
                journeyOrigins.put(realm, allowed);
                LOG.infof("realm %s: journey API open to %s", realm, allowed);
            }
            JsonNode cookies = root.path("ui").path("cookies");
            if (!cookies.isMissingNode() && !cookies.isNull()) {
                String realm = env.apply(root.get("realm").asText(), name);
                CookieSite site = CookieSite.of(env.apply(cookies.asText(), name));
                cookieSites.put(realm, site);
                LOG.infof("realm %s: cookies %s", realm, site.value());
            }
            JsonNode section = root.get("webauthn");
            if (section == null || section.isNull()) {
                return;
            }
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
