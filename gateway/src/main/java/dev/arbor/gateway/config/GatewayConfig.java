package dev.arbor.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Typed configuration of the gateway: where each upstream service lives and how long to wait for it. */
@ConfigMapping(prefix = "arbor.gateway")
public interface GatewayConfig {

    /**
     * Base URLs of the upstream services (scheme, host and port; any path is ignored). Each is one URL
     * or a comma-separated list of the replicas of that service, served in turn.
     */
    Upstreams upstream();

    /** How long to wait for a TCP connection to an upstream before answering 502. */
    @WithDefault("PT3S")
    Duration connectTimeout();

    /** How long an upstream may stay silent while answering before the gateway gives up with 502. */
    @WithDefault("PT30S")
    Duration responseTimeout();

    /**
     * Pooled HTTP/1.1 connections per upstream: the number of requests one gateway replica forwards
     * to one service at the same time (Vert.x's own default, 5, throttles any real load).
     */
    @WithDefault("64")
    int maxConnectionsPerUpstream();

    /**
     * How long an upstream instance that refused a connection stays out of the rotation before it is
     * tried again (passive health checking; there are no active probes).
     */
    @WithDefault("PT5S")
    Duration instanceDownFor();

    /**
     * The largest request body (bytes, known from {@code Content-Length}) the gateway holds in memory so
     * that it can send the request again to another instance when the first one refused the
     * connection. A larger or chunked body is streamed and never retried.
     */
    @WithDefault("65536")
    int retryBodyLimit();

    /**
     * Whether responses carry {@code X-Arbor-Upstream-Instance} (the index of the instance that served
     * them). For tests; off by default, the metric {@code arbor_gateway_upstream_requests_total} says
     * the same without telling clients about the topology.
     */
    @WithDefault("false")
    boolean instanceHeader();

    /**
     * One or more base URLs per upstream service (comma-separated); the defaults are the local ports of
     * {@code ./arbor up}.
     */
    interface Upstreams {
        @WithDefault("http://localhost:8081")
        List<URI> federation();

        @WithDefault("http://localhost:8082")
        List<URI> authtree();

        @WithDefault("http://localhost:8083")
        List<URI> token();

        @WithDefault("http://localhost:8085")
        List<URI> scriptRunner();

        @WithDefault("http://localhost:8086")
        List<URI> uiServer();
    }
}
