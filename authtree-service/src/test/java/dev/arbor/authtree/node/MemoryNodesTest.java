package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.memory.RememberedResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RememberedResultCheck and SetSessionProperties, Given/When/Then. */
class MemoryNodesTest {
    private static final Instant AT = Instant.parse("2026-11-26T14:00:00Z");
    private static final RememberedResult CHECK = new RememberedResult("t", "check", "true",
            Map.of("subject", "s-1"), "s-1", AT, AT.plusSeconds(3600));

    private static NodeContext ctx(Map<String, Object> config, NodeState state, RememberedResults remembered) {
        return new NodeContext("r", "n", config, state, List.of(), ClientRequest.UNKNOWN, remembered);
    }

    @Test
    void givenAValidResultWhenCheckedThenRememberedAndItsSharedStateIsRestored() {
        NodeState state = new NodeState(Map.of());

        Action action = new RememberedResultCheck().process(ctx(Map.of("node", "check"), state,
                id -> id.equals("check") ? Optional.of(CHECK) : Optional.empty()));

        assertEquals(Action.goTo("remembered"), action);
        assertEquals(Optional.of("s-1"), state.shared("subject"));
    }

    @Test
    void givenNoResultWhenCheckedThenNotRememberedAndNothingChanges() {
        NodeState state = new NodeState(Map.of("username", "alice"));

        Action action = new RememberedResultCheck().process(ctx(Map.of("node", "check"), state,
                RememberedResults.NONE));

        assertEquals(Action.goTo("not_remembered"), action);
        assertEquals(Map.of("username", "alice"), state.sharedSnapshot());
    }

    @Test
    void givenLiteralsAndSharedReferencesWhenSetThenEachBecomesASessionProperty() {
        NodeState state = new NodeState(Map.of("subject", "s-1"));
        Map<String, Object> config = Map.of("properties", Map.of("via", "mfa", "who", "${shared:subject}",
                "nick", "${shared:nickname}"));
        SetSessionProperties node = new SetSessionProperties();

        Action action = node.process(ctx(config, state, RememberedResults.NONE));

        assertEquals(Action.goTo("next"), action);
        assertEquals(Optional.of("mfa"), state.shared("sessionProperty.via"));
        assertEquals(Optional.of("s-1"), state.shared("sessionProperty.who"));
        assertTrue(state.shared("sessionProperty.nick").isEmpty(), "an absent shared key sets nothing");
        assertEquals(Set.of("subject", "nickname"), node.reads(config));
        assertEquals(Set.of("sessionProperty.via", "sessionProperty.who", "sessionProperty.nick"),
                node.writes(config));
    }
}
