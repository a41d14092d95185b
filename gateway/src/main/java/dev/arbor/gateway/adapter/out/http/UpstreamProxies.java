package dev.arbor.gateway.adapter.out.http;

import dev.arbor.gateway.config.GatewayConfig;
import dev.arbor.gateway.domain.Upstream;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.HttpProxy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * One Vert.x {@link HttpProxy} per upstream, sharing a single HTTP client. The proxy keeps the
 * client's Host header, status codes, {@code Location} and {@code Set-Cookie} as they are and never
 * follows redirects.
 */
@ApplicationScoped
public class UpstreamProxies {

    private final HttpClient client;
    private final Map<Upstream, HttpProxy> proxies;

    public UpstreamProxies(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                .setKeepAlive(true)
                .setMaxPoolSize(config.maxConnectionsPerUpstream()));
        this.proxies = new EnumMap<>(Upstream.class);
        long responseTimeoutMillis = config.responseTimeout().toMillis();
        for (Upstream upstream : Upstream.values()) {
            UpstreamOrigin origin = UpstreamOrigin.of(baseUrl(config.upstream(), upstream), responseTimeoutMillis);
            proxies.put(upstream, HttpProxy.reverseProxy(client)
                    .origin(origin)
                    .addInterceptor(new ForwardedHeadersInterceptor())
                    .addInterceptor(new UpstreamFailureInterceptor(upstream)));
        }
    }

    /** Forwards {@code request} to {@code upstream}; the proxy writes the response. */
    public void forward(Upstream upstream, HttpServerRequest request) {
        proxies.get(upstream).handle(request);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private static URI baseUrl(GatewayConfig.Upstreams urls, Upstream upstream) {
        return switch (upstream) {
            case FEDERATION -> urls.federation();
            case AUTHTREE -> urls.authtree();
            case TOKEN -> urls.token();
            case SCRIPT_RUNNER -> urls.scriptRunner();
            case UI_SERVER -> urls.uiServer();
        };
    }
}
