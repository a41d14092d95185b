package dev.arbor.gateway.adapter.out.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import java.net.URI;

/**
 * Opens the request to one upstream, given by its base URL ({@code http[s]://host:port}).
 *
 * <p>When the browser goes away before the upstream has answered, the upstream request is reset:
 * otherwise the proxy never reads that response and its pooled connection is never given back, so
 * a few aborted requests (a closed tab, a load generator stopping) leave every later request to
 * that upstream waiting for a connection forever.
 */
record UpstreamOrigin(String host, int port, boolean ssl, long responseTimeoutMillis) implements OriginRequestProvider {

    static UpstreamOrigin of(URI baseUrl, long responseTimeoutMillis) {
        boolean ssl = "https".equalsIgnoreCase(baseUrl.getScheme());
        if (baseUrl.getHost() == null || !(ssl || "http".equalsIgnoreCase(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("upstream base URL must be http(s)://host[:port], got " + baseUrl);
        }
        int port = baseUrl.getPort() > 0 ? baseUrl.getPort() : (ssl ? 443 : 80);
        return new UpstreamOrigin(baseUrl.getHost(), port, ssl, responseTimeoutMillis);
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        HttpServerResponse browser = context.request().proxiedRequest().response();
        return context.client().request(new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, host))
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setFollowRedirects(false)
                .setIdleTimeout(responseTimeoutMillis))
                .onSuccess(upstream -> {
                    if (browser.closed()) {
                        upstream.reset();
                    } else {
                        browser.closeHandler(closed -> upstream.reset());
                    }
                });
    }
}
