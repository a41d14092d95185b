package dev.arbor.authtree.domain.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.InMemoryPorts;
import dev.arbor.authtree.domain.identity.Argon2idPasswordHasher;
import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.tree.NodeSpec;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.node.Callback;
import dev.arbor.authtree.node.DataStoreDecision;
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

class JourneyServiceTest {
    private static Argon2idPasswordHasher hasher;
    private static String aliceHash;
    private InMemoryPorts ports;

    @BeforeAll
    static void hashOnce() {
        hasher = new Argon2idPasswordHasher(new SecureRandom());
        aliceHash = hasher.hash("secret");
    }

    @BeforeEach
    void givenRealmWithLoginTreeAndAlice() {
        ports = new InMemoryPorts();
        ports.realms.add("r");
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("username", new NodeSpec("UsernameCollector", Map.of("next", "password")));
        nodes.put("password", new NodeSpec("PasswordCollector", Map.of("next", "check")));
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "success", "false", "username")));
        ports.trees.add(new StoredTree("r", "login", 1, true, new TreeDefinition("username", nodes)));
        ports.save(new Identity(UUID.randomUUID(), "r", "alice", aliceHash, Map.of()));
    }

    private JourneyService service(int maxSteps) {
        NodeRegistry registry = new NodeRegistry(List.of(new UsernameCollector(), new PasswordCollector(),
                new DataStoreDecision(ports, hasher)));
        JourneySettings settings = new JourneySettings(Duration.ofMinutes(10), Duration.ofHours(8), maxSteps,
                "http://localhost:8080/ui/", List.of("pwd"));
        TreeRunner runner = new TreeRunner(registry, ports, ports, ports, settings, Clock.systemUTC());
        return new JourneyService(ports, ports, ports, ports, runner);
    }

    private static List<Callback> answer(String type, String value) {
        return List.of(new Callback(type, List.of(), value));
    }

    private JourneyOutcome.Step step(JourneyOutcome outcome) {
        return assertInstanceOf(JourneyOutcome.Step.class, outcome);
    }

    @Test
    void whenRetryLoopExceedsMaxStepsThenTheJourneyFails() {
        JourneyService journeys = service(7);
        JourneyOutcome.Step s = step(journeys.start("r", Optional.empty(), Optional.empty()));
        JourneyOutcome outcome = s;
        for (int i = 0; i < 10 && outcome instanceof JourneyOutcome.Step current; i++) {
            String type = current.callbacks().get(0).type();
            outcome = journeys.resume("r", current.authId(), answer(type, type.equals("NameCallback") ? "alice" : "wrong"));
        }
        assertInstanceOf(JourneyOutcome.Failed.class, outcome);
        assertTrue(ports.journeys.isEmpty(), "a finished journey's state is deleted");
    }

    @Test
    void whenTheStoredVersionMovedOnThenResumeIsExpired() {
        JourneyService journeys = service(50);
        JourneyOutcome.Step first = step(journeys.start("r", Optional.empty(), Optional.empty()));
        journeys.resume("r", first.authId(), answer("NameCallback", "alice"));

        JourneyException e = assertThrows(JourneyException.class,
                () -> journeys.resume("r", first.authId(), answer("NameCallback", "bob")));
        assertEquals(JourneyException.Kind.JOURNEY_EXPIRED, e.kind());
    }

    @Test
    void whenTheTreeIsRepublishedThenARunningJourneyKeepsItsVersion() {
        JourneyService journeys = service(50);
        JourneyOutcome.Step first = step(journeys.start("r", Optional.empty(), Optional.empty()));
        ports.trees.add(new StoredTree("r", "login", 2, true, new TreeDefinition("check",
                Map.of("check", new NodeSpec("DataStoreDecision", Map.of("true", "success", "false", "failure"))))));

        JourneyOutcome.Step second = step(journeys.resume("r", first.authId(), answer("NameCallback", "alice")));
        assertEquals("password", second.stage());
        JourneyOutcome done = journeys.resume("r", second.authId(), answer("PasswordCallback", "secret"));
        assertEquals(new JourneyOutcome.Succeeded("session-1", "http://localhost:8080/ui/", "r"), done);
    }

    @Test
    void whenFlowNamesATreeThenItWinsOverTheQueryParameter() {
        ports.trees.add(new StoredTree("r", "other", 1, false, new TreeDefinition("password",
                Map.of("password", new NodeSpec("PasswordCollector", Map.of("next", "failure"))))));
        ports.flows.put("f", new LoginFlow("f", "other", "https://rp.example/resume"));

        JourneyOutcome.Step first = step(service(50).start("r", Optional.of("login"), Optional.of("f")));
        assertEquals("password", first.stage());
    }

    @Test
    void whenFlowIsUnknownThenBadRequestKind() {
        JourneyException e = assertThrows(JourneyException.class,
                () -> service(50).start("r", Optional.empty(), Optional.of("nope")));
        assertEquals(JourneyException.Kind.UNKNOWN_FLOW, e.kind());
    }

    @Test
    void whenAnsweredCallbackLacksItsInputThenBadInputAndNothingIsStored() {
        JourneyService journeys = service(50);
        JourneyOutcome.Step first = step(journeys.start("r", Optional.empty(), Optional.empty()));
        long version = ports.journeys.values().iterator().next().version();

        JourneyException e = assertThrows(JourneyException.class,
                () -> journeys.resume("r", first.authId(), answer("NameCallback", null)));
        assertEquals(JourneyException.Kind.BAD_INPUT, e.kind());
        assertEquals(version, ports.journeys.values().iterator().next().version());
    }
}
