package dev.arbor.authtree.domain.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.domain.InMemoryPorts;
import dev.arbor.authtree.domain.identity.Argon2idPasswordHasher;
import dev.arbor.authtree.domain.identity.Identity;
import dev.arbor.authtree.domain.memory.NodeCookies;
import dev.arbor.authtree.domain.memory.PresentedMemory;
import dev.arbor.authtree.domain.memory.RememberedResult;
import dev.arbor.authtree.domain.memory.RememberedResultLoader;
import dev.arbor.authtree.domain.session.NewSession;
import dev.arbor.authtree.domain.tree.NodeMemory;
import dev.arbor.authtree.domain.tree.NodeSpec;
import dev.arbor.authtree.domain.tree.StoredTree;
import dev.arbor.authtree.domain.tree.TreeDefinition;
import dev.arbor.authtree.node.Action;
import dev.arbor.authtree.node.Callback;
import dev.arbor.authtree.node.DataStoreDecision;
import dev.arbor.authtree.node.DependencyUnavailableException;
import dev.arbor.authtree.node.Node;
import dev.arbor.authtree.node.NodeContext;
import dev.arbor.authtree.node.NodeRegistry;
import dev.arbor.authtree.node.PasswordCollector;
import dev.arbor.authtree.node.RememberedResultCheck;
import dev.arbor.authtree.node.SetSessionProperties;
import dev.arbor.authtree.node.UsernameCollector;
import dev.arbor.authtree.support.AdjustableClock;
import dev.arbor.contracts.events.JourneyEvent;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-node memory rules of the engine, with in-memory ports: password remembered in the session (8 h),
 * a code remembered in a sealed cookie (15 min), as the demo realm's password-otp tree.
 */
class NodeMemoryEngineTest {
    private static Argon2idPasswordHasher hasher;
    private static String hash;
    private InMemoryPorts ports;
    private AdjustableClock clock;
    private final List<JourneyEvent> events = new ArrayList<>();
    private UUID alice;
    private UUID bob;

    /** A second factor for tests: asks for a code, {@code true} for 123456. */
    static final class CodeDecision implements Node {
        static int runs;

        @Override
        public String type() {
            return "CodeDecision";
        }

        @Override
        public List<String> outcomes() {
            return List.of("true", "false");
        }

        @Override
        public Action process(NodeContext ctx) {
            runs++;
            if (!ctx.hasAnswers()) {
                return Action.send(Callback.prompt("CodeCallback", "Code"));
            }
            return Action.goTo("123456".equals(ctx.requireInput("CodeCallback")) ? "true" : "false");
        }
    }

    /** A node whose peer is down. */
    static final class Unreachable implements Node {
        @Override
        public String type() {
            return "Unreachable";
        }

        @Override
        public List<String> outcomes() {
            return List.of("true");
        }

        @Override
        public Action process(NodeContext ctx) {
            throw new DependencyUnavailableException("script-runner", null);
        }
    }

    @BeforeAll
    static void hashOnce() {
        hasher = new Argon2idPasswordHasher(new SecureRandom());
        hash = hasher.hash("secret");
    }

    @BeforeEach
    void givenRealmWithRememberingTree() {
        ports = new InMemoryPorts();
        clock = new AdjustableClock();
        ports.realms.add("r");
        alice = UUID.randomUUID();
        bob = UUID.randomUUID();
        ports.save(new Identity(alice, "r", "alice", hash, Map.of()));
        ports.save(new Identity(bob, "r", "bob", hash, Map.of()));
        ports.trees.add(new StoredTree("r", "mfa", 1, true, tree("cookie")));
        CodeDecision.runs = 0;
    }

    private static TreeDefinition tree(String codeStore) {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("check-password", new NodeSpec(RememberedResultCheck.TYPE,
                Map.of("remembered", "check-code", "not_remembered", "username"), Map.of("node", "check")));
        nodes.put("username", new NodeSpec("UsernameCollector", Map.of("next", "password")));
        nodes.put("password", new NodeSpec("PasswordCollector", Map.of("next", "check")));
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "check-code", "false", "failure"),
                Map.of(), new NodeMemory("session", "PT8H")));
        nodes.put("check-code", new NodeSpec(RememberedResultCheck.TYPE,
                Map.of("remembered", "props", "not_remembered", "code"), Map.of("node", "code")));
        nodes.put("code", new NodeSpec("CodeDecision", Map.of("true", "props", "false", "failure"), Map.of(),
                new NodeMemory(codeStore, "PT15M")));
        nodes.put("props", new NodeSpec(SetSessionProperties.TYPE, Map.of("next", "success"),
                Map.of("properties", Map.of("via", "mfa", "who", "${shared:subject}"))));
        return new TreeDefinition("check-password", nodes);
    }

    private JourneyService service() {
        NodeRegistry registry = new NodeRegistry(List.of(new UsernameCollector(), new PasswordCollector(),
                new DataStoreDecision(ports, hasher), new RememberedResultCheck(), new SetSessionProperties(),
                new CodeDecision(), new Unreachable()));
        JourneySettings settings = new JourneySettings(Duration.ofMinutes(10), Duration.ofHours(8), 50,
                "http://localhost:8080/ui/", List.of("pwd"));
        TreeRunner runner = new TreeRunner(registry, ports, ports, ports, ports, settings, events::add, clock);
        return new JourneyService(ports, ports, ports, ports, runner, new RememberedResultLoader(ports, ports, clock));
    }

    private static List<Callback> answer(String type, String value) {
        return List.of(new Callback(type, List.of(), value));
    }

    private JourneyOutcome start(PresentedMemory presented) {
        return service().start("r", Optional.of("mfa"), Optional.empty(), null, presented);
    }

    /** Answers every step until the journey ends; returns the outcome and the stages asked, in order. */
    private JourneyOutcome answerAll(JourneyOutcome outcome, String username, List<String> asked) {
        while (outcome instanceof JourneyOutcome.Step step) {
            asked.add(step.stage());
            String type = step.callbacks().get(0).type();
            String value = switch (type) {
                case "NameCallback" -> username;
                case "PasswordCallback" -> "secret";
                default -> "123456";
            };
            outcome = service().resume("r", step.authId(), answer(type, value));
        }
        return outcome;
    }

    private JourneyOutcome.Succeeded login(String username, PresentedMemory presented, List<String> asked) {
        return assertInstanceOf(JourneyOutcome.Succeeded.class, answerAll(start(presented), username, asked));
    }

    private static PresentedMemory presented(JourneyOutcome.Succeeded ok) {
        Map<String, String> cookies = new LinkedHashMap<>();
        ok.nodeCookies().forEach(c -> cookies.put(c.name(), c.value()));
        return new PresentedMemory(ok.sessionId(), cookies);
    }

    @Test
    void firstLoginAsksEverythingAndRemembersPasswordInSessionAndCodeInCookie() {
        List<String> asked = new ArrayList<>();
        JourneyOutcome.Succeeded ok = login("alice", PresentedMemory.NONE, asked);

        assertEquals(List.of("username", "password", "code"), asked);
        NewSession session = ports.createdSessions.getLast();
        assertNull(session.replacesSessionId());
        RememberedResult check = session.nodeResults().stream().filter(r -> r.nodeId().equals("check")).findFirst()
                .orElseThrow();
        assertEquals("true", check.outcome());
        assertEquals(Map.of("subject", alice.toString()), check.shared());
        assertEquals(alice.toString(), check.subject());
        assertEquals(check.rememberedAt().plus(Duration.ofHours(8)), check.expiresAt());
        assertEquals(1, ok.nodeCookies().size());
        NodeCookies.NodeCookie cookie = ok.nodeCookies().getFirst();
        assertEquals(NodeCookies.name("r", "mfa", "code"), cookie.name());
        assertTrue(cookie.name().matches("arbor_nr_[A-Za-z0-9_-]{16}"), cookie.name());
        assertEquals(Duration.ofMinutes(15), cookie.maxAge());
        assertEquals(alice.toString(), ports.sealedResults.get(cookie.value()).subject());
        assertEquals(Map.of("via", "mfa", "who", alice.toString()), session.properties());
    }

    @Test
    void secondJourneyWithSessionAndCookieAsksNothingAndReplacesTheSession() {
        JourneyOutcome.Succeeded first = login("alice", PresentedMemory.NONE, new ArrayList<>());
        int codeRuns = CodeDecision.runs;
        events.clear();

        JourneyOutcome second = start(presented(first));

        JourneyOutcome.Succeeded ok = assertInstanceOf(JourneyOutcome.Succeeded.class, second);
        assertNotEquals(first.sessionId(), ok.sessionId());
        assertEquals(first.sessionId(), ports.createdSessions.getLast().replacesSessionId());
        assertFalse(ports.liveSessions.containsKey(first.sessionId()));
        assertEquals(codeRuns, CodeDecision.runs, "the remembered code node did not run");
        assertTrue(ports.createdSessions.getLast().nodeResults().stream().anyMatch(r -> r.nodeId().equals("check")),
                "the password result is carried over into the new session");
        assertTrue(ok.nodeCookies().isEmpty(), "a remembered result is not re-issued (its lifetime is not extended)");
    }

    @Test
    void whenTheCookieResultExpiredThenOnlyTheCodeIsAsked() {
        JourneyOutcome.Succeeded first = login("alice", PresentedMemory.NONE, new ArrayList<>());
        clock.advance(Duration.ofMinutes(16));

        List<String> asked = new ArrayList<>();
        login("alice", presented(first), asked);

        assertEquals(List.of("code"), asked);
    }

    @Test
    void aCookieResultOfAnotherSubjectIsIgnored() {
        JourneyOutcome.Succeeded alices = login("alice", PresentedMemory.NONE, new ArrayList<>());
        JourneyOutcome.Succeeded bobs = login("bob", PresentedMemory.NONE, new ArrayList<>());
        // bob's browser carries alice's code cookie
        PresentedMemory mixed = new PresentedMemory(bobs.sessionId(), presented(alices).nodeCookies());

        List<String> asked = new ArrayList<>();
        login("bob", mixed, asked);

        assertEquals(List.of("code"), asked);
        assertEquals(bob.toString(), ports.createdSessions.getLast().subject());
    }

    @Test
    void aSessionResultOfAnotherSubjectIsNotCarriedOver() {
        JourneyOutcome.Succeeded alices = login("alice", PresentedMemory.NONE, new ArrayList<>());
        clock.advance(Duration.ofMinutes(16));
        ports.liveSessions.remove(alices.sessionId());

        List<String> asked = new ArrayList<>();
        login("bob", new PresentedMemory(alices.sessionId(), Map.of()), asked);

        assertEquals(List.of("username", "password", "code"), asked);
        assertTrue(ports.createdSessions.getLast().nodeResults().stream()
                .allMatch(r -> r.subject().equals(bob.toString())));
    }

    @Test
    void aTamperedCookieIsIgnored() {
        JourneyOutcome.Succeeded first = login("alice", PresentedMemory.NONE, new ArrayList<>());
        Map<String, String> tampered = new LinkedHashMap<>();
        presented(first).nodeCookies().forEach((k, v) -> tampered.put(k, v + "x"));

        List<String> asked = new ArrayList<>();
        login("alice", new PresentedMemory(first.sessionId(), tampered), asked);

        assertEquals(List.of("code"), asked);
    }

    @Test
    void aCookieForAnotherNodeNameIsIgnored() {
        JourneyOutcome.Succeeded first = login("alice", PresentedMemory.NONE, new ArrayList<>());
        String value = first.nodeCookies().getFirst().value();

        List<String> asked = new ArrayList<>();
        login("alice", new PresentedMemory(first.sessionId(), Map.of(NodeCookies.name("r", "mfa", "check"), value)),
                asked);

        assertEquals(List.of("code"), asked);
    }

    @Test
    void storeNoneIsNeverRemembered() {
        ports.trees.add(new StoredTree("r", "mfa", 2, true, tree("none")));
        JourneyOutcome.Succeeded first = login("alice", PresentedMemory.NONE, new ArrayList<>());

        assertTrue(first.nodeCookies().isEmpty());
        assertTrue(ports.createdSessions.getLast().nodeResults().stream().noneMatch(r -> r.nodeId().equals("code")));
        List<String> asked = new ArrayList<>();
        login("alice", presented(first), asked);
        assertEquals(List.of("code"), asked);
    }

    @Test
    void aSessionResultExpiresWithTheNodesCurrentTtl() {
        JourneyOutcome.Succeeded first = login("alice", PresentedMemory.NONE, new ArrayList<>());
        clock.advance(Duration.ofHours(8).plusMinutes(1));

        List<String> asked = new ArrayList<>();
        login("alice", presented(first), asked);

        assertEquals(List.of("username", "password", "code"), asked);
    }

    @Test
    void theEventsNameNodesOutcomesAndWhetherTheyWereRemembered() {
        JourneyOutcome.Succeeded first = login("alice", PresentedMemory.NONE, new ArrayList<>());
        events.clear();

        start(presented(first));

        assertInstanceOf(JourneyEvent.Started.class, events.getFirst());
        assertInstanceOf(JourneyEvent.Completed.class, events.getLast());
        List<String> nodes = events.stream().filter(JourneyEvent.NodeCompleted.class::isInstance)
                .map(e -> ((JourneyEvent.NodeCompleted) e).nodeId() + ":" + ((JourneyEvent.NodeCompleted) e).outcome())
                .toList();
        assertEquals(List.of("check-password:remembered", "check-code:remembered", "props:next"), nodes);
        assertEquals(alice.toString(), ((JourneyEvent.Completed) events.getLast()).subject());
    }

    @Test
    void aNodeThatDeclaresMemoryIsNotRunWhenEnteredWithAValidResult() {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("username", new NodeSpec("UsernameCollector", Map.of("next", "password")));
        nodes.put("password", new NodeSpec("PasswordCollector", Map.of("next", "check")));
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "code", "false", "failure")));
        nodes.put("code", new NodeSpec("CodeDecision", Map.of("true", "success", "false", "failure"), Map.of(),
                new NodeMemory("cookie", "PT15M")));
        ports.trees.add(new StoredTree("r", "plain", 1, false, new TreeDefinition("username", nodes)));
        JourneyOutcome.Succeeded first = assertInstanceOf(JourneyOutcome.Succeeded.class, answerAll(
                service().start("r", Optional.of("plain"), Optional.empty(), null, PresentedMemory.NONE), "alice",
                new ArrayList<>()));
        int runs = CodeDecision.runs;
        events.clear();

        List<String> asked = new ArrayList<>();
        answerAll(service().start("r", Optional.of("plain"), Optional.empty(), null, presented(first)), "alice",
                asked);

        assertEquals(List.of("username", "password"), asked);
        assertEquals(runs, CodeDecision.runs);
        JourneyEvent.NodeCompleted code = events.stream().filter(JourneyEvent.NodeCompleted.class::isInstance)
                .map(JourneyEvent.NodeCompleted.class::cast).filter(e -> e.nodeId().equals("code")).findFirst()
                .orElseThrow();
        assertTrue(code.remembered());
        assertEquals("true", code.outcome());
    }

    @Test
    void aResultRememberedForAnotherSubjectBeforeTheSubjectWasKnownFailsTheJourney() {
        // The code is checked first, before anyone is identified: bob's browser presents alice's code cookie.
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("code", new NodeSpec("CodeDecision", Map.of("true", "username", "false", "failure"), Map.of(),
                new NodeMemory("cookie", "PT15M")));
        nodes.put("username", new NodeSpec("UsernameCollector", Map.of("next", "password")));
        nodes.put("password", new NodeSpec("PasswordCollector", Map.of("next", "check")));
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "success", "false", "failure")));
        ports.trees.add(new StoredTree("r", "code-first", 1, false, new TreeDefinition("code", nodes)));
        JourneyOutcome.Succeeded alices = assertInstanceOf(JourneyOutcome.Succeeded.class, answerAll(
                service().start("r", Optional.of("code-first"), Optional.empty(), null, PresentedMemory.NONE),
                "alice", new ArrayList<>()));

        JourneyOutcome outcome = answerAll(service().start("r", Optional.of("code-first"), Optional.empty(), null,
                new PresentedMemory(null, presented(alices).nodeCookies())), "bob", new ArrayList<>());

        assertInstanceOf(JourneyOutcome.Failed.class, outcome);
        assertEquals("subject_mismatch", ((JourneyEvent.Failed) events.getLast()).reason());
    }

    @Test
    void whenANodesDependencyIsDownTheJourneyFailsClosed() {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("username", new NodeSpec("UsernameCollector", Map.of("next", "script")));
        nodes.put("script", new NodeSpec("Unreachable", Map.of("true", "success")));
        ports.trees.add(new StoredTree("r", "scripted", 1, false, new TreeDefinition("username", nodes)));
        JourneyOutcome.Step step = assertInstanceOf(JourneyOutcome.Step.class,
                service().start("r", Optional.of("scripted"), Optional.empty()));
        assertEquals(1, ports.journeys.size());

        DependencyUnavailableException e = assertThrows(DependencyUnavailableException.class,
                () -> service().resume("r", step.authId(), answer("NameCallback", "alice")));

        assertEquals("script-runner", e.dependency());
        assertTrue(ports.journeys.isEmpty(), "journey state deleted");
        JourneyEvent.Failed failed = assertInstanceOf(JourneyEvent.Failed.class, events.getLast());
        assertEquals("dependency", failed.reason());
        assertEquals("script", failed.nodeId());
        assertThrows(JourneyException.class, () -> service().resume("r", step.authId(),
                answer("NameCallback", "alice")), "the journey cannot be continued");
        assertTrue(ports.createdSessions.isEmpty());
    }
}
