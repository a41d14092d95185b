package dev.arbor.federation.adapter.in.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.TokenEvent;
import dev.arbor.federation.domain.RevokedTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenEventsConsumerTest {
    private final RevokedTokens revoked = new RevokedTokens(Clock.systemUTC(), 100);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final TokenEventsConsumer consumer = new TokenEventsConsumer(revoked, metrics);

    private double count(String type) {
        return metrics.counter(TokenEventsConsumer.METRIC, "type", type).count();
    }

    @Test
    void revokedEventAddsTheJtiToTheDenySetAndIsCounted() {
        consumer.consume(EventJson.write(new TokenEvent.Revoked("e1", Instant.now(), "demo", "j1",
                Instant.now().plusSeconds(60), "test-spa")));

        assertTrue(revoked.isRevoked("j1"));
        assertEquals(1.0, count(TokenEvent.REVOKED));
    }

    @Test
    void malformedEventsAreSkippedAndCountedNeverThrown() {
        for (String payload : new String[] {null, "", "null", "{}", "{\"type\":\"token.exploded\"}", "{not json", "[1]"}) {
            consumer.consume(payload);
        }

        assertEquals(7.0, count("malformed"));
        assertEquals(0, revoked.size());
    }
}
