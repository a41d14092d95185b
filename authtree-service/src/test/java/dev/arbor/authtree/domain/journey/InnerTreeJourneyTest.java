package dev.arbor.authtree.domain.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.arbor.authtree.domain.InMemoryPorts;
import dev.arbor.authtree.domain.identity.Argon2idPasswordHasher;
import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.tree.NodeSpec;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.node.Action;
import dev.arbor.authtree.node.Callback;
import dev.arbor.authtree.node.DataStoreDecision;
import dev.arbor.authtree.node.InnerTree;
import dev.arbor.authtree.node.InnerTreeExit;
import dev.arbor.authtree.node.Node;
import dev.arbor.authtree.node.NodeContext;
import dev.arbor.authtree.node.NodeRegistry;
import dev.arbor.authtree.node.PasswordCollector;
import dev.arbor.authtree.node.UsernameCollector;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An InnerTree node runs another tree inline: its shared state comes back, its transient state does not. */
class InnerTreeJourneyTest {
    private static Argon2idPasswordHasher hasher;
    private static String aliceHash;
    private InMemoryPorts ports;

    /** Test node: "leaked" when the typed password (transient) is still visible, else "clean". */
    static final class TransientProbe implements Node {
        @Override
        public String type() {
            return "TransientProbe";
        }

        @Override
        public List<String> outcomes() {
            return List.of("clean", "leaked");
        }

        @Override
        public Action process(NodeContext ctx) {
            return Action.goTo(ctx.state().transientValue(PasswordCollector.PASSWORD).isPresent() ? "leaked" : "clean");
        }
    }

    @BeforeAll
    static void hashOnce() {
        hasher = new Argon2idPasswordHasher(new SecureRandom());
        aliceHash = hasher.hash("secret");
    }

    @BeforeEach
    void givenAnOuterTreeThatRunsTheCredentialsTreeInline() {
        ports = new InMemoryPorts();
        ports.realms.add("r");
        Map<String, NodeSpec> creds = new LinkedHashMap<>();
        creds.put("username", new NodeSpec("UsernameCollector", Map.of("next", "password")));
        creds.put("password", new NodeSpec("PasswordCollector", Map.of("next", "check")));
        creds.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "success", "false", "failure")));
        ports.trees.add(new StoredTree("r", "creds", 1, false, new TreeDefinition("username", creds)));
        Map<String, NodeSpec> outer = new LinkedHashMap<>();
        outer.put("login", new NodeSpec(InnerTree.TYPE, Map.of("true", "probe", "false", "failure"),
                Map.of("tree", "creds")));
        outer.put("probe", new NodeSpec("TransientProbe", Map.of("clean", "success", "leaked", "failure")));
        ports.trees.add(new StoredTree("r", "outer", 1, true, new TreeDefinition("login", outer)));
        ports.save(new Identity(UUID.randomUUID(), "r", "alice", aliceHash, Map.of()));
    }

    private JourneyService service() {
        NodeRegistry registry = new NodeRegistry(List.of(new UsernameCollector(), new PasswordCollector(),
                new DataStoreDecision(ports, hasher), new InnerTree(), new InnerTreeExit(), new TransientProbe()));
        JourneySettings settings = new JourneySettings(Duration.ofMinutes(10), Duration.ofHours(8), 50,
                "http://localhost:8080/ui/", List.of("pwd"));
        return new JourneyService(ports, ports, ports, ports,
                new TreeRunner(registry, ports, ports, ports, settings, Clock.systemUTC()));
    }

    private static JourneyOutcome.Step step(JourneyOutcome outcome) {
        return assertInstanceOf(JourneyOutcome.Step.class, outcome);
    }

    @Test
    void givenTheRightPasswordWhenTheInnerTreeSucceedsThenItsSubjectComesBackButNotThePassword() {
        JourneyService journeys = service();

        JourneyOutcome.Step name = step(journeys.start("r", Optional.of("outer"), Optional.empty()));
        JourneyOutcome.Step password = step(journeys.resume("r", name.authId(),
                List.of(new Callback("NameCallback", List.of(), "alice"))));
        JourneyOutcome done = journeys.resume("r", password.authId(),
                List.of(new Callback("PasswordCallback", List.of(), "secret")));

        assertEquals("login", name.stage(), "the inner start node takes the InnerTree node's id");
        assertEquals("login/password", password.stage());
        // Success needs the subject the inner DataStoreDecision wrote (shared state came back), and the probe
        // after the inner tree routes to failure if the typed password (transient state) were still there.
        assertInstanceOf(JourneyOutcome.Succeeded.class, done);
        assertEquals(List.of("pwd"), ports.createdSessions.getLast().amr(), "RFC 8176: the password was proven");
        assertEquals(List.of("alice"), ports.sessions.stream().map(s -> ports.identities.values().stream()
                .filter(i -> i.id().toString().equals(s)).map(Identity::username).findFirst().orElse(s)).toList());
    }

    @Test
    void givenAWrongPasswordWhenTheInnerTreeFailsThenTheOuterTreeTakesFalse() {
        JourneyService journeys = service();

        JourneyOutcome.Step name = step(journeys.start("r", Optional.of("outer"), Optional.empty()));
        JourneyOutcome.Step password = step(journeys.resume("r", name.authId(),
                List.of(new Callback("NameCallback", List.of(), "alice"))));
        JourneyOutcome done = journeys.resume("r", password.authId(),
                List.of(new Callback("PasswordCallback", List.of(), "wrong")));

        assertInstanceOf(JourneyOutcome.Failed.class, done);
        assertEquals(List.of(), ports.sessions);
    }

    @Test
    void givenATreeThatWouldContainItselfWhenStartedThenTheInnerTreeNodeFailsClosed() {
        Map<String, NodeSpec> loop = new LinkedHashMap<>();
        loop.put("again", new NodeSpec(InnerTree.TYPE, Map.of("true", "success", "false", "failure"),
                Map.of("tree", "loop")));
        ports.trees.add(new StoredTree("r", "loop", 1, false, new TreeDefinition("again", loop)));

        JourneyOutcome outcome = service().start("r", Optional.of("loop"), Optional.empty());

        assertInstanceOf(JourneyOutcome.Failed.class, outcome);
    }
}
