package dev.arbor.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionEventJsonTest {

    @Test
    void createdEventRoundTripsWithItsTypeName() {
        var created = new SessionEvent.Created("e-1", Instant.parse("2026-11-26T07:00:00Z"), "demo", "s-1",
                "alice", "pwd", List.of("pwd"), Instant.parse("2026-11-26T15:00:00Z"));

        String json = EventJson.write(created);
        SessionEvent read = EventJson.read(json, SessionEvent.class);

        assertTrue(json.contains("\"type\":\"session.created\""), json);
        assertTrue(json.contains("\"occurredAt\":\"2026-11-26T07:00:00Z\""), json);
        assertEquals(created, assertInstanceOf(SessionEvent.Created.class, read));
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String json = "{\"type\":\"session.ended\",\"id\":\"e-2\",\"occurredAt\":\"2026-11-26T07:00:00Z\","
                + "\"realm\":\"demo\",\"sid\":\"s-1\",\"subject\":\"alice\",\"reason\":\"logout\",\"added\":1}";

        var ended = assertInstanceOf(SessionEvent.Ended.class, EventJson.read(json, SessionEvent.class));

        assertEquals("logout", ended.reason());
        assertEquals("s-1", ended.sid());
        assertEquals(SessionEvent.ENDED, ended.type());
    }

    @Test
    void textThatIsNoEventIsRefusedWithAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> EventJson.read("{\"type\":\"session.exploded\"}", SessionEvent.class));
    }
}
