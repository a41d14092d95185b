package dev.arbor.token.adapter.in.kafka;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.token.domain.refresh.SessionEndRevocation;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code session.ended} from {@code arbor.session.v1} and revokes the refresh-token families of
 * the session ({@link SessionEndRevocation}). All token-service replicas share one consumer group: the
 * revocation is in PostgreSQL and announced on {@code arbor.token.v1}, so one replica per event is
 * enough. The offset is committed once the revocation is done; a malformed event is logged (without
 * its payload) and skipped.
 */
@ApplicationScoped
public class SessionEventsConsumer {
    private static final Logger LOG = Logger.getLogger(SessionEventsConsumer.class);
    static final String METRIC = "arbor.token.session.ended";

    private final SessionEndRevocation revocation;
    private final MeterRegistry metrics;

    public SessionEventsConsumer(SessionEndRevocation revocation, MeterRegistry metrics) {
        this.revocation = revocation;
        this.metrics = metrics;
    }

    @Incoming("session-events")
    public CompletionStage<Void> consume(String payload) {
        SessionEvent event = parse(payload);
        if (event == null) {
            LOG.warnf("skipped a malformed event on arbor.session.v1 (%d characters)",
                    payload == null ? 0 : payload.length());
            metrics.counter(METRIC, "result", "malformed").increment();
            return CompletableFuture.completedFuture(null);
        }
        if (!(event instanceof SessionEvent.Ended ended)) {
            return CompletableFuture.completedFuture(null);
        }
        return revocation.sessionEnded(ended.realm(), ended.sid())
                .handle((revoked, failure) -> {
                    if (failure != null) {
                        LOG.errorf("could not revoke the refresh tokens of an ended session of realm %s: %s",
                                ended.realm(), failure.getMessage());
                        metrics.counter(METRIC, "result", "failed").increment();
                    } else {
                        metrics.counter(METRIC, "result", "handled").increment();
                    }
                    return null;
                });
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
