package dev.arbor.gateway.adapter.out.http;

import dev.arbor.gateway.domain.Upstream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * {@code arbor_gateway_upstream_requests_total{upstream, instance, result}}: which instance of which
 * upstream took each attempt and how it ended. {@code instance} is the index of the base URL in the
 * configuration (not the URL: bounded tags); {@code result} is {@code ok} (the instance answered,
 * whatever the status), {@code refused} (no connection could be opened) or {@code error} (connected,
 * but no answer: reset or timeout).
 */
final class UpstreamMetrics {

    static final String NAME = "arbor.gateway.upstream.requests";

    enum Result { OK, REFUSED, ERROR }

    private final MeterRegistry registry;

    UpstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(Upstream upstream, int instance, Result result) {
        Counter.builder(NAME)
                .description("Requests the gateway sent to each upstream instance, by result")
                .tag("upstream", tagOf(upstream))
                .tag("instance", Integer.toString(instance))
                .tag("result", result.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    static String tagOf(Upstream upstream) {
        return upstream.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
