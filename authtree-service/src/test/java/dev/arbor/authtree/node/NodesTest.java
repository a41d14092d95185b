package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.InMemoryPorts;
import dev.arbor.authtree.domain.identity.Argon2idPasswordHasher;
import dev.arbor.authtree.domain.identity.Identity;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given/When/Then tests of the three nodes. */
class NodesTest {
    private static final Argon2idPasswordHasher HASHER = new Argon2idPasswordHasher(new SecureRandom());

    private static NodeContext entered(NodeState state) {
        return new NodeContext("r", state, List.of());
    }

    private static NodeContext answered(NodeState state, String type, String value) {
        return new NodeContext("r", state, List.of(new Callback(type, List.of(), value)));
    }

    @Test
    void usernameCollectorAsksThenPutsTrimmedUsernameIntoSharedState() {
        NodeState state = new NodeState(Map.of());
        Action ask = new UsernameCollector().process(entered(state));
        assertEquals(new Action.SendCallbacks(List.of(Callback.prompt("NameCallback", "User Name"))), ask);

        Action next = new UsernameCollector().process(answered(state, "NameCallback", " alice "));
        assertEquals(new Action.GoTo("next"), next);
        assertEquals("alice", state.shared("username").orElseThrow());
    }

    @Test
    void passwordCollectorPutsPasswordIntoTransientStateOnly() {
        NodeState state = new NodeState(Map.of());
        new PasswordCollector().process(answered(state, "PasswordCallback", "secret"));

        assertEquals("secret", state.transientValue("password").orElseThrow());
        assertTrue(state.sharedSnapshot().isEmpty());
    }

    @Test
    void collectorAnsweredWithTheWrongCallbackTypeIsMissingInput() {
        NodeState state = new NodeState(Map.of());
        assertThrows(MissingInputException.class,
                () -> new PasswordCollector().process(answered(state, "NameCallback", "x")));
    }

    @Test
    void dataStoreDecisionIsTrueWithSubjectForTheRightPasswordAndFalseOtherwise() {
        InMemoryPorts ports = new InMemoryPorts();
        UUID id = UUID.randomUUID();
        ports.save(new Identity(id, "r", "alice", HASHER.hash("secret"), Map.of()));
        DataStoreDecision node = new DataStoreDecision(ports, HASHER);

        NodeState right = new NodeState(Map.of("username", "alice"));
        right.putTransient("password", "secret");
        assertEquals(new Action.GoTo("true"), node.process(entered(right)));
        assertEquals(id.toString(), right.shared("subject").orElseThrow());

        NodeState wrong = new NodeState(Map.of("username", "alice"));
        wrong.putTransient("password", "guess");
        assertEquals(new Action.GoTo("false"), node.process(entered(wrong)));
        assertTrue(wrong.shared("subject").isEmpty());

        NodeState unknown = new NodeState(Map.of("username", "mallory"));
        unknown.putTransient("password", "secret");
        assertEquals(new Action.GoTo("false"), node.process(entered(unknown)));
    }
}
