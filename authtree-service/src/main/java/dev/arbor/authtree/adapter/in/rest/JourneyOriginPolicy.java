package dev.arbor.authtree.adapter.in.rest;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.realm.JourneyOrigins;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CORS and CSRF rules of the journey API ({@code /realms/{realm}/authenticate}), before any resource runs.
 *
 * <ul>
 *   <li>A request without {@code Origin} is no browser's cross-site request: it goes on (curl, servers).</li>
 *   <li>A browser request must come from the suite's own origin or one on the realm's
 *       {@code journeyApi.allowedOrigins}, and must carry {@code X-Arbor-Client} — a header a cross-site
 *       HTML form cannot send, and which makes any cross-origin {@code fetch} preflighted. Anything else is
 *       403 {@code application/problem+json}, so a "simple" cross-site form post never reaches a node.</li>
 *   <li>An allowed cross-origin caller gets {@code Access-Control-Allow-Origin} with its exact origin and
 *       {@code Allow-Credentials: true}; a preflight ({@code OPTIONS}) from it is answered here with the
 *       methods and headers the API takes. {@code Vary: Origin} always.</li>
 * </ul>
 */
@ApplicationScoped
public class JourneyOriginPolicy {
    static final String CLIENT_HEADER = "X-Arbor-Client";
    private static final String ALLOWED_HEADERS = "content-type, accept, accept-language, x-arbor-client";

    private final String publicUrl;
    private final JourneyOrigins ownOnly;
    private final Map<String, JourneyOrigins> realms = new ConcurrentHashMap<>();

    public JourneyOriginPolicy(ArborConfig config) {
        this.publicUrl = config.publicUrl();
        this.ownOnly = JourneyOrigins.ownOnly(publicUrl);
    }

    /** The realm's allow-list, from its YAML {@code journeyApi:} section (replaces any earlier one). */
    public void put(String realm, List<String> allowedOrigins) {
        realms.put(realm, JourneyOrigins.of(publicUrl, allowedOrigins));
    }

    void register(@Observes Router router) {
        router.route("/realms/:realm/authenticate").order(-100).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        ctx.response().headers().add(HttpHeaders.VARY, "Origin");
        if (origin == null) {
            ctx.next();
            return;
        }
        // a realm without a journeyApi section (or no realm at all) allows only the suite's own origin;
        // nothing is cached per path, so made-up realm names cost no memory
        JourneyOrigins origins = realms.getOrDefault(ctx.pathParam("realm"), ownOnly);
        boolean own = origins.isOwn(origin);
        boolean cross = !own && origins.allowsCrossOrigin(origin);
        if (!own && !cross) {
            refuse(ctx, "This origin may not use the journey API of this realm.");
            return;
        }
        if (cross) {
            ctx.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        if (ctx.request().method() == HttpMethod.OPTIONS) {
            ctx.response().setStatusCode(204)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST")
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600")
                    .end();
            return;
        }
        String client = ctx.request().getHeader(CLIENT_HEADER);
        if (client == null || client.isBlank()) {
            refuse(ctx, "A browser request to the journey API must carry the " + CLIENT_HEADER + " header.");
            return;
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, String detail) {
        ctx.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(new JsonObject().put("type", "about:blank").put("title", "Forbidden").put("status", 403)
                        .put("detail", detail).encode());
    }
}
