package dev.arbor.ui.adapter.in.http;

import dev.arbor.ui.domain.ClassicScript;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JS SDK under {@code /ui/sdk/}: {@code arbor.js} (ES module, a static file), {@code arbor.classic.js}
 * (built here from it at start-up), and both again under fingerprinted names ({@code arbor.<hash>.js},
 * {@code arbor.classic.<hash>.js}) that may be cached for a year because their content never changes.
 * {@code manifest.json} maps the plain names to the fingerprinted ones. Plain names are revalidated with
 * an ETag, so a deployment is picked up on the next load. Every SDK file may be loaded from any origin.
 */
@ApplicationScoped
public class SdkFiles {
    static final String BASE = "/ui/sdk/";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "no-cache";
    private static final String JS = "text/javascript; charset=utf-8";

    private record File(String body, String etag) {}

    private final Map<String, File> plain = new LinkedHashMap<>();
    private final Map<String, File> fingerprinted = new LinkedHashMap<>();
    private final String manifest;

    public SdkFiles() {
        String module = resource("META-INF/resources/ui/sdk/arbor.js");
        add("arbor.js", module);
        add("arbor.classic.js", ClassicScript.of(module, "Arbor"));
        StringBuilder json = new StringBuilder("{");
        plain.forEach((name, file) -> json.append(json.length() > 1 ? "," : "")
                .append('"').append(name).append("\":\"").append(fingerprint(name, file)).append('"'));
        manifest = json.append('}').toString();
    }

    void register(@Observes Router router) {
        // The SDK is public code a customer's page on its own origin imports (a module import is a CORS
        // request): readable from anywhere, never with credentials.
        router.route(BASE + "*").order(-10).handler(ctx -> {
            ctx.response().putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("Cross-Origin-Resource-Policy", "cross-origin");
            ctx.next();
        });
        router.get(BASE + "manifest.json").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE)
                .end(manifest));
        router.get(BASE + "arbor.classic.js").handler(ctx -> send(ctx, plain.get("arbor.classic.js"), REVALIDATE));
        router.getWithRegex("/ui/sdk/arbor(\\.classic)?\\.[0-9a-f]{16}\\.js").handler(this::sendFingerprinted);
    }

    private void sendFingerprinted(RoutingContext ctx) {
        File file = fingerprinted.get(ctx.request().path().substring(BASE.length()));
        if (file == null) {
            ctx.next(); // an old fingerprint: 404 from the static handler
            return;
        }
        send(ctx, file, IMMUTABLE);
    }

    private static void send(RoutingContext ctx, File file, String cacheControl) {
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, cacheControl).putHeader(HttpHeaders.ETAG, file.etag());
        if (file.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JS).end(file.body());
    }

    private void add(String name, String body) {
        plain.put(name, new File(body, "\"" + hash(body) + "\""));
    }

    private String fingerprint(String name, File file) {
        String fingerprintedName = name.replaceFirst("\\.js$", "." + hash(file.body()) + ".js");
        fingerprinted.put(fingerprintedName, file);
        return fingerprintedName;
    }

    private static String hash(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
