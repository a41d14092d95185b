package dev.arbor.federation.adapter.in.kafka;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.federation.domain.SessionDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code arbor.session.v1} into this replica's {@link SessionDirectory}: an ended session's
 * tokens are refused by userinfo from then on. Every replica has its own consumer group, so each
 * sees every event. A malformed event is logged (without its payload) and skipped.
 */
@ApplicationScoped
public class SessionEventsConsumer {
    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);
    static final String METRIC = "arbor.federation.session.events";

    private final SessionDirectory directory;
    private final MeterRegistry metrics;

    public SessionEventsConsumer(SessionDirectory directory, MeterRegistry metrics) {
        this.directory = directory;
        this.metrics = metrics;
    }

    @Incoming("session-events")
    public void consume(String payload) {
        SessionEvent event = parse(payload);
        if (event == null) {
            LOG.warnf("skipped a malformed event on arbor.session.v1 (%d characters)",
                    payload == null ? 0 : payload.length());
            metrics.counter(METRIC, "type", "malformed").increment();
            return;
        }
        if (event instanceof SessionEvent.Ended ended) {
            directory.ended(ended.sid());
        }
        metrics.counter(METRIC, "type", event.type()).increment();
    }

    private static SessionEvent parse(String payload) {
        if (payload == null || payload.isBlank()) {
            return null;
        }
        try {
            return EventJson.read(payload, SessionEvent.class);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
