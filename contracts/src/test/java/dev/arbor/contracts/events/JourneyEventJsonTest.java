package dev.arbor.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JourneyEventJsonTest {
    private static final Instant AT = Instant.parse("2026-11-26T14:00:00Z");

    @Test
    void everyJourneyEventRoundTripsWithItsTypeName() {
        var events = java.util.List.<JourneyEvent>of(
                new JourneyEvent.Started("e-1", AT, "demo", "j-1", "password-otp", 3),
                new JourneyEvent.NodeCompleted("e-2", AT, "demo", "j-1", "password-otp", 3, "password",
                        "DataStoreDecision", "true", false, 41_000),
                new JourneyEvent.Completed("e-3", AT, "demo", "j-1", "password-otp", 3, "alice", 4),
                new JourneyEvent.Failed("e-4", AT, "demo", "j-1", "password-otp", 3, "failure_node", "otp", null));

        for (JourneyEvent event : events) {
            String json = EventJson.write(event);
            assertTrue(json.contains("\"type\":\"" + event.type() + "\""), json);
            assertEquals(event, EventJson.read(json, JourneyEvent.class));
        }
    }

    @Test
    void aNodeCompletedEventNamesNodeOutcomeAndWhetherItWasRemembered() {
        String json = "{\"type\":\"journey.node_completed\",\"id\":\"e\",\"occurredAt\":\"2026-11-26T14:00:00Z\","
                + "\"realm\":\"demo\",\"journeyId\":\"j\",\"tree\":\"t\",\"treeVersion\":1,\"nodeId\":\"otp\","
                + "\"nodeType\":\"TotpDecision\",\"outcome\":\"true\",\"remembered\":true,\"micros\":5,\"added\":1}";

        var node = assertInstanceOf(JourneyEvent.NodeCompleted.class, EventJson.read(json, JourneyEvent.class));

        assertEquals("otp", node.nodeId());
        assertTrue(node.remembered());
    }

    @Test
    void aTokenEventIsNoJourneyEvent() {
        assertThrows(IllegalArgumentException.class,
                () -> EventJson.read("{\"type\":\"token.revoked\",\"id\":\"e\"}", JourneyEvent.class));
    }
}
