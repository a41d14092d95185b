package dev.arbor.gateway.adapter.out.http;

import dev.arbor.gateway.adapter.http.ProblemResponder;
import dev.arbor.gateway.domain.Upstream;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

/**
 * Turns "the upstream could not be reached" (refused, connect timeout, reset, silent too long) into
 * a 502 {@code application/problem+json}. The proxy itself answers such failures with an empty 502;
 * a 502 the upstream really sent passes through untouched.
 */
final class UpstreamFailureInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFailureInterceptor.class);
    private static final String FAILED = "arbor.upstream-failed";

    private final Upstream upstream;

    UpstreamFailureInterceptor(Upstream upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().onFailure(error -> {
            context.set(FAILED, Boolean.TRUE);
            // The path only: query strings can carry codes and flow ids.
            String path = context.request().proxiedRequest().path();
            if (context.request().proxiedRequest().response().closed()) {
                // the browser left and UpstreamOrigin reset the upstream request: nothing failed
                LOG.debugf("browser left before upstream %s answered %s %s", upstream,
                        context.request().getMethod(), path);
            } else {
                LOG.warnf("upstream %s unavailable for %s %s: %s", upstream, context.request().getMethod(), path,
                        error.getMessage());
            }
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        if (Boolean.TRUE.equals(context.get(FAILED, Boolean.class))) {
            String body = ProblemResponder.body(502, "Bad Gateway", "The service behind this path is not reachable.");
            context.response()
                    .setStatusCode(502)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponder.PROBLEM_JSON)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .setBody(Body.body(Buffer.buffer(body)));
        }
        return context.sendResponse();
    }
}
