package dev.arbor.gateway.adapter.out.http;

import dev.arbor.gateway.domain.RoundRobinInstances;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import java.net.URI;
import java.util.List;

/**
 * Opens the request to one instance of an upstream, the instances given by their base URLs
 * ({@code http[s]://host:port}) and taken in turn ({@link RoundRobinInstances}). An instance that
 * cannot be connected to is marked down and the failure is recorded in the proxy context under
 * {@link #REFUSED_BY}, so that {@link UpstreamFailoverInterceptor} can send the request to another
 * instance: nothing of it has been sent yet.
 *
 * <p>When the browser goes away before the upstream has answered, the upstream request is reset:
 * otherwise the proxy never reads that response and its pooled connection is never given back, so
 * a few aborted requests (a closed tab, a load generator stopping) leave every later request to
 * that upstream waiting for a connection forever.
 */
final class UpstreamOrigin implements OriginRequestProvider {

    /** Context key: the index of the instance the request was opened to. */
    static final String INSTANCE = "arbor.upstream-instance";
    /** Context key: the index of the instance that could not be connected to in the last attempt. */
    static final String REFUSED_BY = "arbor.upstream-refused-by";
    /** Context key: the instance the next attempt must use (a retry), instead of the next in turn. */
    static final String RETRY_TO = "arbor.upstream-retry-to";

    private final List<Endpoint> endpoints;
    private final RoundRobinInstances instances;
    private final long responseTimeoutMillis;

    UpstreamOrigin(List<URI> baseUrls, RoundRobinInstances instances, long responseTimeoutMillis) {
        if (baseUrls.size() != instances.count()) {
            throw new IllegalArgumentException("one rotation slot per base URL");
        }
        this.endpoints = baseUrls.stream().map(Endpoint::of).toList();
        this.instances = instances;
        this.responseTimeoutMillis = responseTimeoutMillis;
    }

    RoundRobinInstances instances() {
        return instances;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        Integer retryTo = context.get(RETRY_TO, Integer.class);
        int instance = retryTo != null ? retryTo : instances.next();
        Endpoint endpoint = endpoints.get(instance);
        context.set(REFUSED_BY, null);
        HttpServerResponse browser = context.request().proxiedRequest().response();
        return context.client().request(new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(endpoint.port(), endpoint.host()))
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setSsl(endpoint.ssl())
                .setFollowRedirects(false)
                .setIdleTimeout(responseTimeoutMillis))
                .recover(error -> {
                    // No connection, so no byte of the request left the gateway.
                    instances.markDown(instance);
                    context.set(REFUSED_BY, instance);
                    return Future.failedFuture(error);
                })
                .map(upstream -> {
                    context.set(INSTANCE, instance);
                    if (browser.closed()) {
                        upstream.reset();
                    } else {
                        browser.closeHandler(closed -> upstream.reset());
                    }
                    return upstream;
                });
    }

    /** One instance's address. */
    record Endpoint(String host, int port, boolean ssl) {
        static Endpoint of(URI baseUrl) {
            boolean ssl = "https".equalsIgnoreCase(baseUrl.getScheme());
            if (baseUrl.getHost() == null || !(ssl || "http".equalsIgnoreCase(baseUrl.getScheme()))) {
                throw new IllegalArgumentException("upstream base URL must be http(s)://host[:port], got " + baseUrl);
            }
            int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : (ssl ? 443 : 80);
            return new Endpoint(baseUrl.getHost(), port, ssl);
        }
    }
}
