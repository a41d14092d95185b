package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.port.TermsAcceptanceStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given/When/Then tests of TermsAcceptance with an in-memory store. */
class TermsAcceptanceTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final UUID ALICE = UUID.randomUUID();
    private static final Map<String, Object> TEXT = Map.of("version", "v1", "text", "Be nice.");
    private static final Map<String, Object> LINK = Map.of("version", "v2", "url", "https://example.com/terms");

    private final Map<String, Instant> accepted = new HashMap<>();
    private final TermsAcceptanceStore store = new TermsAcceptanceStore() {
        @Override
        public boolean hasAccepted(String realm, UUID subject, String version) {
            return accepted.containsKey(realm + "/" + subject + "/" + version);
        }

        @Override
        public void recordAcceptance(String realm, UUID subject, String version, Instant at) {
            accepted.putIfAbsent(realm + "/" + subject + "/" + version, at);
        }
    };
    private final TermsAcceptance node = new TermsAcceptance(store, Clock.fixed(NOW, ZoneOffset.UTC));

    private static NodeState signedIn() {
        return new NodeState(Map.of("subject", ALICE.toString()));
    }

    private Action answer(Map<String, Object> config, String option) {
        return node.process(new NodeContext("r", "terms", config, signedIn(), List.of(
                new Callback("TextOutputCallback", List.of(), null), new Callback("ConfirmationCallback", List.of(), option))));
    }

    @Test
    void asksWithTheTextAndAcceptDecline() {
        Action.SendCallbacks ask = (Action.SendCallbacks) node.process(
                new NodeContext("r", "terms", TEXT, signedIn(), List.of()));
        assertEquals(List.of("TextOutputCallback", "ConfirmationCallback"),
                ask.callbacks().stream().map(Callback::type).toList());
        assertEquals("Be nice.", ask.callbacks().get(0).output().get(0).value());
        assertEquals(List.of("Accept", "Decline"), ask.callbacks().get(1).output().get(2).value());
        assertEquals(1, ask.callbacks().get(1).output().get(4).value(), "Decline is the default");
    }

    @Test
    void asksWithALinkWhenAUrlIsConfigured() {
        Action.SendCallbacks ask = (Action.SendCallbacks) node.process(
                new NodeContext("r", "terms", LINK, signedIn(), List.of()));
        assertEquals("Read the terms of use at https://example.com/terms", ask.callbacks().get(0).output().get(0).value());
        assertEquals("https://example.com/terms", ask.callbacks().get(0).output().get(2).value());
    }

    @Test
    void acceptRecordsTheVersionAndTheTimeThenIsNotAskedAgain() {
        // When accepted Then recorded with the clock's time
        assertEquals(Action.goTo("accepted"), answer(TEXT, "0"));
        assertEquals(NOW, accepted.get("r/" + ALICE + "/v1"));
        // When the node is entered again for the same version Then accepted without a step
        assertEquals(Action.goTo("accepted"), node.process(new NodeContext("r", "terms", TEXT, signedIn(), List.of())));
        // But a new version is a new question
        assertTrue(node.process(new NodeContext("r", "terms", LINK, signedIn(), List.of())) instanceof Action.SendCallbacks);
    }

    @Test
    void declineRecordsNothing() {
        assertEquals(Action.goTo("declined"), answer(TEXT, "1"));
        assertTrue(accepted.isEmpty());
    }

    @Test
    void aBadOptionIsMissingInputAndNoSubjectIsDeclined() {
        assertThrows(MissingInputException.class, () -> answer(TEXT, "2"));
        assertThrows(MissingInputException.class, () -> answer(TEXT, "yes"));
        assertEquals(Action.goTo("declined"), node.process(new NodeContext("r", "terms", TEXT,
                new NodeState(Map.of()), List.of())));
        assertTrue(accepted.isEmpty());
    }

    @Test
    void configNeedsAVersionAndExactlyOneOfTextOrUrl() {
        assertEquals(List.of(), node.configProblems(TEXT));
        assertEquals(List.of(), node.configProblems(LINK));
        assertEquals(List.of("'version' is required"), node.configProblems(Map.of("text", "x")));
        assertEquals(List.of("exactly one of 'text' or 'url' is required"), node.configProblems(Map.of("version", "1")));
        assertEquals(List.of("exactly one of 'text' or 'url' is required"),
                node.configProblems(Map.of("version", "1", "text", "x", "url", "https://e.com/")));
        assertEquals(List.of("'url' must be an absolute https or http URL"),
                node.configProblems(Map.of("version", "1", "url", "javascript:alert(1)")));
    }

    @Test
    void shipsItsMessageBundle() {
        assertEquals("Accept", NodeMessages.get(TermsAcceptance.class, "accept"));
    }
}
