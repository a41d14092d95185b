package dev.arbor.ui.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.arbor.ui.domain.UiSettings;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /ui/realms/{realm}/config.json}: a realm's UI settings, read once at start-up from the
 * {@code ui:} section of every realm YAML in {@code arbor.realms.dir} (a realm without one gets the
 * defaults). A bad value stops the start with a message naming it, like the other services' imports.
 */
@ApplicationScoped
public class RealmUiConfig {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, String> json = new LinkedHashMap<>();

    public RealmUiConfig(@ConfigProperty(name = "arbor.realms.dir", defaultValue = "deploy/local/realms") String dir,
            @ConfigProperty(name = "arbor.ui.api-base-url") Optional<String> apiBaseUrl) {
        Path folder = Path.of(dir);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Map<?, ?> document = YAML.readValue(file.toFile(), Map.class);
                if (document == null || !(document.get("realm") instanceof String realm)) {
                    continue;
                }
                UiSettings settings = document.get("ui") instanceof Map<?, ?> ui
                        ? UiSettings.parse(realm, ui, apiBaseUrl.orElse(""))
                        : UiSettings.defaults(realm, apiBaseUrl.orElse(""));
                json.put(realm, toJson(settings));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read realm YAML in " + folder, e);
        }
    }

    void register(@Observes Router router) {
        router.getWithRegex("/ui/realms/([A-Za-z0-9._-]{1,64})/config\\.json").handler(this::config);
    }

    private void config(RoutingContext ctx) {
        String body = json.get(ctx.pathParam("param0"));
        if (body == null) {
            ctx.next(); // unknown realm: the 404 problem
            return;
        }
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(body);
    }

    private static String toJson(UiSettings settings) {
        JsonObject json = new JsonObject()
                .put("realm", settings.realm())
                .put("apiBaseUrl", settings.apiBaseUrl())
                .put("theme", new JsonObject(Map.copyOf(settings.theme())))
                .put("locales", settings.locales())
                .put("defaultLocale", settings.defaultLocale());
        if (settings.logo() != null) {
            json.put("logo", settings.logo());
        }
        return json.encode();
    }
}
