package dev.arbor.authtree.adapter.out.kafka;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.port.JourneyEventPublisher;
import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.JourneyEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Journey events on {@code arbor.journey.v1} (channel {@code journey-events}; idempotent producer with
 * {@code acks=all}, see application.properties), keyed by journey id so one journey's events stay in order.
 * Fire and forget: the send is subscribed, never awaited, so a slow or absent broker never holds a journey;
 * a refused or failed send is logged (event type only) and counted in {@code arbor_journey_events_failed_total}.
 * Every event also feeds {@link JourneyMetrics}, which does not depend on the broker at all.
 */
@ApplicationScoped
public class KafkaJourneyEventPublisher implements JourneyEventPublisher {
    static final String CHANNEL = "journey-events";
    private static final Logger LOG = Logger.getLogger(KafkaJourneyEventPublisher.class);

    private final MutinyEmitter<String> emitter;
    private final JourneyMetrics metrics;
    private final Counter failures;
    private final boolean enabled;

    public KafkaJourneyEventPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, JourneyMetrics metrics,
            MeterRegistry registry, ArborConfig config) {
        this.emitter = emitter;
        this.enabled = config.authtree().journeyEventsEnabled();
        this.metrics = metrics;
        this.failures = Counter.builder("arbor_journey_events_failed")
                .description("Journey events that could not be published").register(registry);
    }

    @Override
    public void publish(JourneyEvent event) {
        try {
            metrics.record(event);
        } catch (RuntimeException e) {
            LOG.warnf("journey metric not recorded for %s: %s", event.type(), e.getClass().getSimpleName());
        }
        if (!enabled) {
            return;
        }
        try {
            var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(event.journeyId()).build();
            emitter.sendMessage(Message.of(EventJson.write(event)).addMetadata(metadata))
                    .subscribe().with(ok -> { }, this::failed);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void failed(Throwable e) {
        failures.increment();
        LOG.warnf("journey event not published: %s", e.getClass().getSimpleName());
    }
}
