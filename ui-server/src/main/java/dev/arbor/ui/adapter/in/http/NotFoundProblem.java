package dev.arbor.ui.adapter.in.http;

import dev.arbor.ui.domain.SecurityHeaders;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers an unknown path with a 404 {@code application/problem+json} instead of Vert.x's default
 * HTML page, which would carry neither the CSP nor the other security headers.
 */
@ApplicationScoped
public class NotFoundProblem {

    private static final String BODY = new JsonObject()
            .put("type", "about:blank")
            .put("title", "Not Found")
            .put("status", 404)
            .put("detail", "There is no page or file at this address.")
            .encode();

    void register(@Observes Router router) {
        router.errorHandler(404, this::respond);
    }

    private void respond(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            return;
        }
        SecurityHeaders.ALWAYS.forEach(response.headers()::set);
        response.setStatusCode(404)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(BODY);
    }
}
