package dev.arbor.ui.adapter.in.http;

import dev.arbor.ui.domain.SecurityHeaders;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A Vert.x route filter adding {@link SecurityHeaders} to every response, static files included. The
 * HTML-only headers are chosen by the Content-Type the response finally carries, so they follow the
 * page whichever handler served it.
 */
@ApplicationScoped
public class SecurityHeadersFilter {

    private static final int PRIORITY = 100;

    void register(@Observes Filters filters) {
        filters.register(this::addHeaders, PRIORITY);
    }

    private void addHeaders(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.headersEndHandler(ignored -> {
            MultiMap headers = response.headers();
            SecurityHeaders.ALWAYS.forEach(headers::set);
            if (SecurityHeaders.isHtml(headers.get(HttpHeaders.CONTENT_TYPE))) {
                SecurityHeaders.HTML_ONLY.forEach(headers::set);
            }
            if (ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"))) {
                SecurityHeaders.HTTPS_ONLY.forEach(headers::set);
            }
        });
        ctx.next();
    }
}
