package dev.arbor.ui.adapter.in.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Sends {@code /ui}, {@code /ui/login}, {@code /ui/consent} and {@code /ui/demo} to their directory
 * ({@code .../}) with the query string kept: federation redirects the browser to
 * {@code /ui/login?realm=..&flow=..} and {@code /ui/consent?realm=..&flow=..}, and the
 * page's relative links only work from the directory URL. The Location is a path, so it stays on
 * whatever public origin (the gateway) the browser used.
 */
@ApplicationScoped
public class PageDirectoryRedirects {

    private static final List<String> PAGES = List.of("/ui", "/ui/login", "/ui/consent", "/ui/demo");

    void register(@Observes Router router) {
        PAGES.forEach(page -> router.get(page).handler(this::redirect));
    }

    private void redirect(RoutingContext ctx) {
        if (ctx.request().path().endsWith("/")) {
            ctx.next(); // Vert.x also matches the path with a trailing slash: that is the page itself
            return;
        }
        String query = ctx.request().query();
        String location = ctx.request().path() + "/" + (query == null || query.isEmpty() ? "" : "?" + query);
        ctx.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, location).end();
    }
}
