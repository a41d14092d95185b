package dev.arbor.gateway.adapter.in.http;

import dev.arbor.gateway.adapter.http.ProblemResponder;
import dev.arbor.gateway.adapter.out.http.UpstreamProxies;
import dev.arbor.gateway.domain.RouteDecision;
import dev.arbor.gateway.domain.RouteTable;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Puts the {@link RouteTable} on the gateway's HTTP server: one catch-all Vert.x route that forwards,
 * redirects or answers 404. The gateway's own {@code /q/health} and {@code /q/metrics} stay local.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final String LOCAL_PREFIX = "/q/";

    private final RouteTable routeTable = new RouteTable();
    private final UpstreamProxies proxies;

    public GatewayRoutes(UpstreamProxies proxies) {
        this.proxies = proxies;
    }

    void register(@Observes Router router) {
        router.route().handler(this::handle);
        // Local paths Quarkus does not know (/q/nope) get a problem too, not Vert.x's HTML page.
        router.errorHandler(404, ctx -> ProblemResponder.send(ctx.response(), 404, "Not Found", "No route for this path."));
    }

    private void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path == null || path.startsWith(LOCAL_PREFIX)) {
            ctx.next();
            return;
        }
        // Route on exactly what the upstream will see: a path with dot segments or odd escapes could be
        // routed here as one thing and read upstream as another.
        if (!path.equals(ctx.normalizedPath())) {
            ProblemResponder.send(ctx.response(), 400, "Bad Request", "The request path is not in canonical form.");
            return;
        }
        switch (routeTable.decide(path)) {
            case RouteDecision.Forward forward -> proxies.forward(forward.upstream(), ctx.request());
            case RouteDecision.Redirect redirect -> ctx.response()
                    .setStatusCode(302)
                    .putHeader(HttpHeaders.LOCATION, redirect.location())
                    .end();
            case RouteDecision.NotFound notFound ->
                ProblemResponder.send(ctx.response(), 404, "Not Found", "No route for this path.");
        }
    }
}
