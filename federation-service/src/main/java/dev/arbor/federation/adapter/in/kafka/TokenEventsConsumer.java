package dev.arbor.federation.adapter.in.kafka;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.TokenEvent;
import dev.arbor.federation.domain.RevokedTokens;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code arbor.token.v1} into this replica's {@link RevokedTokens}: a revoked token is refused
 * by introspection and userinfo from then on. Every replica has its own consumer group, so each sees
 * every event. A malformed event is logged (without its payload) and skipped.
 */
@ApplicationScoped
public class TokenEventsConsumer {
    private static final Logger LOG = Logger.getLogger(TokenEventsConsumer.class);
    static final String METRIC = "arbor.federation.token.events";

    private final RevokedTokens revoked;
    private final MeterRegistry metrics;

    public TokenEventsConsumer(RevokedTokens revoked, MeterRegistry metrics) {
        this.revoked = revoked;
        this.metrics = metrics;
    }

    @Incoming("token-events")
    public void consume(String payload) {
        TokenEvent event = parse(payload);
        if (event == null) {
            LOG.warnf("skipped a malformed event on arbor.token.v1 (%d characters)",
                    payload == null ? 0 : payload.length());
            metrics.counter(METRIC, "type", "malformed").increment();
            return;
        }
        if (event instanceof TokenEvent.Revoked r) {
            revoked.revoke(r.jti(), r.expiresAt());
        }
        metrics.counter(METRIC, "type", event.type()).increment();
    }

    private static TokenEvent parse(String payload) {
        if (payload == null || payload.isBlank()) {
            return null;
        }
        try {
            return EventJson.read(payload, TokenEvent.class);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
