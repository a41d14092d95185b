package dev.arbor.gateway.adapter.out.http;

import dev.arbor.gateway.config.GatewayConfig;
import dev.arbor.gateway.domain.RoundRobinInstances;
import dev.arbor.gateway.domain.Upstream;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.HttpProxy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One Vert.x {@link HttpProxy} per upstream, sharing a single HTTP client. The proxy keeps the
 * client's Host header, status codes, {@code Location} and {@code Set-Cookie} as they are and never
 * follows redirects. An upstream with several instances (replicas) is served round robin, with one
 * retry on another instance when the chosen one refuses the connection ({@link UpstreamFailoverInterceptor}).
 */
@ApplicationScoped
public class UpstreamProxies {

    private final HttpClient client;
    private final Map<Upstream, HttpProxy> proxies;

    public UpstreamProxies(Vertx vertx, GatewayConfig config, MeterRegistry registry) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                .setKeepAlive(true)
                .setMaxPoolSize(config.maxConnectionsPerUpstream()));
        this.proxies = new EnumMap<>(Upstream.class);
        long responseTimeoutMillis = config.responseTimeout().toMillis();
        var metrics = new UpstreamMetrics(registry);
        for (Upstream upstream : Upstream.values()) {
            List<URI> baseUrls = baseUrls(config.upstream(), upstream);
            var instances = new RoundRobinInstances(baseUrls.size(), config.instanceDownFor(), InstantSource.system());
            var origin = new UpstreamOrigin(baseUrls, instances, responseTimeoutMillis);
            proxies.put(upstream, HttpProxy.reverseProxy(client)
                    .origin(origin)
                    .addInterceptor(new ForwardedHeadersInterceptor())
                    .addInterceptor(new UpstreamFailureInterceptor(upstream))
                    // last: its retry re-enters the chain after every other interceptor
                    .addInterceptor(new UpstreamFailoverInterceptor(upstream, origin, metrics,
                            config.retryBodyLimit(), config.instanceHeader())));
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

    private static List<URI> baseUrls(GatewayConfig.Upstreams urls, Upstream upstream) {
        return switch (upstream) {
            case FEDERATION -> urls.federation();
            case AUTHTREE -> urls.authtree();
            case TOKEN -> urls.token();
            case SCRIPT_RUNNER -> urls.scriptRunner();
            case UI_SERVER -> urls.uiServer();
        };
    }
}
