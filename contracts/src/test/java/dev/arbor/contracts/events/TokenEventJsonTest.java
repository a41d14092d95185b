package dev.arbor.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenEventJsonTest {

    @Test
    void revokedEventRoundTripsWithItsTypeName() {
        var revoked = new TokenEvent.Revoked("e-1", Instant.parse("2026-11-26T07:00:00Z"), "demo", "jti-1",
                Instant.parse("2026-11-26T07:05:00Z"), "demo-rp");

        String json = EventJson.write(revoked);
        TokenEvent read = EventJson.read(json, TokenEvent.class);

        assertTrue(json.contains("\"type\":\"token.revoked\""), json);
        assertTrue(json.contains("\"expiresAt\":\"2026-11-26T07:05:00Z\""), json);
        assertEquals(revoked, assertInstanceOf(TokenEvent.Revoked.class, read));
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String json = "{\"type\":\"token.revoked\",\"id\":\"e-2\",\"occurredAt\":\"2026-11-26T07:00:00Z\","
                + "\"realm\":\"demo\",\"jti\":\"j\",\"expiresAt\":\"2026-11-26T07:05:00Z\",\"clientId\":\"c\",\"added\":1}";

        var revoked = assertInstanceOf(TokenEvent.Revoked.class, EventJson.read(json, TokenEvent.class));

        assertEquals("j", revoked.jti());
        assertEquals(TokenEvent.REVOKED, revoked.type());
    }

    @Test
    void aSessionEventIsNoTokenEvent() {
        assertThrows(IllegalArgumentException.class,
                () -> EventJson.read("{\"type\":\"session.ended\",\"id\":\"e\"}", TokenEvent.class));
    }
}
