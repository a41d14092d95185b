package dev.arbor.gateway.adapter.out.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Keeps the client's Host and tells the upstream who the client is: {@code X-Forwarded-For}, {@code -Proto} and {@code -Host}.
 * The gateway is the public edge, so values a client sent itself are replaced, not appended to.
 */
final class ForwardedHeadersInterceptor implements ProxyInterceptor {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest client = request.proxiedRequest();
        request.headers().remove("Forwarded");
        request.headers().remove(X_FORWARDED_FOR);
        request.headers().remove(X_FORWARDED_HOST);
        SocketAddress remote = client.remoteAddress();
        if (remote != null && remote.hostAddress() != null) {
            request.headers().set(X_FORWARDED_FOR, remote.hostAddress());
        }
        request.headers().set(X_FORWARDED_PROTO, client.scheme() == null ? "http" : client.scheme());
        String host = client.headers().get(HttpHeaders.HOST);
        if (host != null) {
            request.headers().set(X_FORWARDED_HOST, host);
        }
        if (client.authority() != null) {
            // Keep Host: without this the proxy sends the upstream's host:port instead.
            request.setAuthority(client.authority());
        }
        return context.sendRequest();
    }
}
