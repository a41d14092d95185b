package dev.arbor.federation.adapter.in.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.events.EventJson;
import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.federation.domain.SessionDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionEventsConsumerTest {
    private final SessionDirectory directory = new SessionDirectory(Clock.systemUTC(), Duration.ofHours(1), 100);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final SessionEventsConsumer consumer = new SessionEventsConsumer(directory, metrics);

    private double count(String type) {
        return metrics.counter(SessionEventsConsumer.METRIC, "type", type).count();
    }

    @Test
    void endedEventMarksTheSessionEndedAndIsCountedByType() {
        consumer.consume(EventJson.write(new SessionEvent.Ended("e1", Instant.now(), "demo", "s1", "alice", "logout")));
        consumer.consume(EventJson.write(new SessionEvent.Created("e2", Instant.now(), "demo", "s2", "alice", "login",
                List.of("pwd"), Instant.now().plusSeconds(60))));

        assertTrue(directory.hasEnded("s1"));
        assertFalse(directory.hasEnded("s2"));
        assertEquals(1.0, count("session.ended"));
        assertEquals(1.0, count("session.created"));
    }

    @Test
    void malformedEventsAreSkippedAndCountedNeverThrown() {
        for (String payload : new String[] {null, "", "null", "{}", "{\"type\":\"session.exploded\"}", "{not json", "[1,2]"}) {
            consumer.consume(payload);
        }

        assertEquals(7.0, count("malformed"));
        assertEquals(0, directory.size());
    }
}
