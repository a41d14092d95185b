package dev.arbor.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Typed configuration of the gateway: where each upstream service lives and how long to wait for it. */
@ConfigMapping(prefix = "arbor.gateway")
public interface GatewayConfig {

    /** Base URLs of the upstream services (scheme, host and port; any path is ignored). */
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

    /** One base URL per upstream service; the defaults are the local ports of {@code ./arbor up}. */
    interface Upstreams {
        @WithDefault("http://localhost:8081")
        URI federation();

        @WithDefault("http://localhost:8082")
        URI authtree();

        @WithDefault("http://localhost:8083")
        URI token();

        @WithDefault("http://localhost:8085")
        URI scriptRunner();

        @WithDefault("http://localhost:8086")
        URI uiServer();
    }
}
