package dev.arbor.authtree.adapter.out.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.arbor.authtree.domain.journey.JourneyState;
import dev.arbor.authtree.domain.memory.JourneyMemory;
import dev.arbor.authtree.domain.memory.RememberedResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JourneyState as SessionStoreJourneyStore keeps it (JSON with Quarkus' ObjectMapper settings): its memory
 * survives a round trip, and a state written before memory existed still reads, with no memory.
 */
class JourneyStateJsonTest {
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void memoryRoundTrips() throws Exception {
        Instant at = Instant.parse("2026-11-26T14:00:00Z");
        RememberedResult check = new RememberedResult("t", "check", "true", Map.of("subject", "s-1"), "s-1", at,
                at.plusSeconds(3600));
        JourneyMemory memory = new JourneyMemory("sess-1", "s-1", List.of(check), List.of(), List.of(check),
                List.of(), List.of("s-1"));
        JourneyState state = new JourneyState("j", "r", "t", 2, "otp", Map.of("subject", "s-1"), null, null, 3,
                memory);

        assertEquals(state, json.readValue(json.writeValueAsBytes(state), JourneyState.class));
    }

    @Test
    void aStateSerializedBeforeMemoryExistedStillReads() throws Exception {
        String old = "{\"journeyId\":\"j\",\"realm\":\"r\",\"tree\":\"t\",\"treeVersion\":1,\"currentNode\":\"password\","
                + "\"shared\":{\"username\":\"alice\"},\"flowId\":null,\"resumeUrl\":null,\"steps\":2}";

        JourneyState state = json.readValue(old, JourneyState.class);

        assertEquals(JourneyMemory.EMPTY, state.memory());
        assertEquals("password", state.currentNode());
        assertEquals(Map.of("username", "alice"), state.shared());
    }
}
