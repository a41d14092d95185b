package dev.arbor.authtree.adapter.out.kafka;

import dev.arbor.contracts.events.JourneyEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Journey metrics, derived from the journey events: {@code arbor_journey_total{realm,tree,result}}
 * (started/completed/failed), {@code arbor_journey_node_total{tree,node,type,outcome,remembered}} and
 * {@code arbor_journey_node_seconds{tree,node}}. Every tag value is a name from a published tree (realm,
 * tree, node id, node type, a declared outcome) or a fixed word, so the series stay bounded; no subject,
 * session or journey id is ever a tag.
 */
@ApplicationScoped
public class JourneyMetrics {
    private final MeterRegistry registry;

    public JourneyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(JourneyEvent event) {
        switch (event) {
            case JourneyEvent.Started s -> journey(s, "started");
            case JourneyEvent.Completed c -> journey(c, "completed");
            case JourneyEvent.Failed f -> journey(f, "failed");
            case JourneyEvent.NodeCompleted n -> {
                Counter.builder("arbor_journey_node")
                        .description("Nodes left through an outcome")
                        .tag("tree", n.tree()).tag("node", n.nodeId()).tag("type", n.nodeType())
                        .tag("outcome", n.outcome()).tag("remembered", Boolean.toString(n.remembered()))
                        .register(registry).increment();
                Timer.builder("arbor_journey_node_seconds")
                        .description("Time a node took in one request")
                        .tag("tree", n.tree()).tag("node", n.nodeId())
                        .register(registry).record(Duration.ofNanos(n.micros() * 1_000));
            }
        }
    }

    private void journey(JourneyEvent event, String result) {
        Counter.builder("arbor_journey")
                .description("Journeys started, completed and failed")
                .tag("realm", event.realm()).tag("tree", event.tree()).tag("result", result)
                .register(registry).increment();
    }
}
