package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.port.LockoutStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Given/When/Then tests of RetryLimitDecision, ChoiceCollector, TextOutput and AccountLockout. */
class NodeLibraryTest {

    private static NodeContext entered(String id, Map<String, Object> config, NodeState state) {
        return new NodeContext("r", id, config, state, List.of());
    }

    private static NodeContext answered(Map<String, Object> config, NodeState state, Callback answer) {
        return new NodeContext("r", "n", config, state, List.of(answer));
    }

    @Test
    void retryLimitDecisionRetriesLimitTimesThenRejectsCountingInSharedState() {
        // Given a limit of 2
        Map<String, Object> config = Map.of("limit", 2);
        NodeState state = new NodeState(Map.of());
        RetryLimitDecision node = new RetryLimitDecision();
        // When passed three times Then retry, retry, reject
        assertEquals(new Action.GoTo("retry"), node.process(entered("retry", config, state)));
        assertEquals(new Action.GoTo("retry"), node.process(entered("retry", config, state)));
        assertEquals(new Action.GoTo("reject"), node.process(entered("retry", config, state)));
        assertEquals("2", state.shared("retries.retry").orElseThrow());
    }

    @Test
    void retryLimitDecisionWithoutALimitHasAConfigProblem() {
        assertEquals(List.of("'limit' is required"), new RetryLimitDecision().configProblems(Map.of()));
        assertEquals(List.of("'limit' must be between 1 and 1000"),
                new RetryLimitDecision().configProblems(Map.of("limit", 0)));
    }

    @Test
    void choiceCollectorAsksWithChoicesAndLeavesThroughTheChosenOutcome() {
        // Given choices
        Map<String, Object> config = Map.of("choices", List.of("otp", "password"), "defaultChoice", "password");
        ChoiceCollector node = new ChoiceCollector();
        NodeState state = new NodeState(Map.of());
        // When entered Then a ChoiceCallback with the choices and default index, prompt from the bundle
        Action ask = node.process(entered("pick", config, state));
        assertEquals(new Action.SendCallbacks(List.of(new Callback("ChoiceCallback", List.of(
                new Callback.Field("prompt", "Choose one"), new Callback.Field("choices", List.of("otp", "password")),
                new Callback.Field("defaultChoice", 1)), "1"))), ask);
        // When answered with index 0 Then outcome otp and shared choice
        assertEquals(new Action.GoTo("otp"), node.process(answered(config, state, new Callback("ChoiceCallback", List.of(), "0"))));
        assertEquals("otp", state.shared("choice").orElseThrow());
        assertEquals(List.of("otp", "password"), node.outcomes(config));
    }

    @Test
    void choiceCollectorRefusesAnIndexOutOfRangeOrNotANumber() {
        Map<String, Object> config = Map.of("choices", List.of("a", "b"));
        NodeState state = new NodeState(Map.of());
        assertThrows(MissingInputException.class, () -> new ChoiceCollector()
                .process(answered(config, state, new Callback("ChoiceCallback", List.of(), "2"))));
        assertThrows(MissingInputException.class, () -> new ChoiceCollector()
                .process(answered(config, state, new Callback("ChoiceCallback", List.of(), "a"))));
        assertThrows(MissingInputException.class, () -> new ChoiceCollector()
                .process(answered(config, state, new Callback("NameCallback", List.of(), "0"))));
    }

    @Test
    void choiceCollectorWithDuplicateOrMissingChoicesHasAConfigProblem() {
        assertEquals(List.of("'choices' must hold distinct non-empty values"),
                new ChoiceCollector().configProblems(Map.of("choices", List.of("a", "a"))));
        assertEquals(List.of("'choices' must be a non-empty list"), new ChoiceCollector().configProblems(Map.of()));
    }

    @Test
    void textOutputShowsTheBundleMessageWithoutInputThenContinues() {
        Map<String, Object> config = Map.of("message", "account.locked", "messageType", "WARNING");
        NodeState state = new NodeState(Map.of());
        Action shown = new TextOutput().process(entered("note", config, state));
        assertEquals(new Action.SendCallbacks(List.of(Callback.display("TextOutputCallback", List.of(
                new Callback.Field("message", "Too many failed attempts. Try again later."),
                new Callback.Field("messageType", "1"))))), shown);
        assertEquals(new Action.GoTo("next"), new TextOutput()
                .process(answered(config, state, new Callback("TextOutputCallback", List.of(), null))));
        assertEquals(List.of("'messageType' must be INFORMATION, WARNING or ERROR"),
                new TextOutput().configProblems(Map.of("message", "x", "messageType", "LOUD")));
    }

    /** A lockout store in memory and a clock the test moves. */
    private static final class Fixture implements LockoutStore {
        final Map<String, Long> failures = new HashMap<>();
        final Map<String, Instant> until = new HashMap<>();
        Instant now = Instant.parse("2026-11-26T08:00:00Z");
        final AccountLockout node = new AccountLockout(this, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
        final Map<String, Object> config = Map.of("limit", "3", "duration", "PT15M");

        @Override
        public Optional<Instant> lockedUntil(String realm, String username) {
            return Optional.ofNullable(until.get(username));
        }

        @Override
        public long recordFailure(String realm, String username, Duration window) {
            return failures.merge(username, 1L, Long::sum);
        }

        @Override
        public void lock(String realm, String username, Instant end) {
            until.put(username, end);
            failures.remove(username);
        }

        @Override
        public void reset(String realm, String username) {
            failures.remove(username);
        }

        Action attempt(boolean rightPassword) {
            NodeState state = new NodeState(rightPassword
                    ? Map.of("username", "alice", "subject", "id-1") : Map.of("username", "alice"));
            Action action = node.process(entered("lockout", config, state));
            if (action.equals(Action.goTo("locked"))) {
                assertTrue(state.shared("subject").isEmpty(), "a locked journey never keeps a subject");
            }
            return action;
        }
    }

    @Test
    void accountLockoutLocksOnTheLimitthFailureAndRefusesTheRightPasswordDuringTheLock() {
        Fixture f = new Fixture();
        // Given two failures Then still unlocked
        assertEquals(Action.goTo("unlocked"), f.attempt(false));
        assertEquals(Action.goTo("unlocked"), f.attempt(false));
        // When the third fails Then locked for 15 minutes
        assertEquals(Action.goTo("locked"), f.attempt(false));
        assertEquals(f.now.plus(Duration.ofMinutes(15)), f.until.get("alice"));
        // Then the right password is locked too
        assertEquals(Action.goTo("locked"), f.attempt(true));
    }

    @Test
    void accountLockoutAttemptsDuringTheLockDoNotExtendItAndItEndsAfterTheDuration() {
        Fixture f = new Fixture();
        f.attempt(false);
        f.attempt(false);
        f.attempt(false);
        Instant end = f.until.get("alice");
        // When attempts keep coming during the lock
        f.now = f.now.plus(Duration.ofMinutes(14));
        assertEquals(Action.goTo("locked"), f.attempt(false));
        assertEquals(end, f.until.get("alice"));
        assertTrue(f.failures.isEmpty(), "attempts during the lock are not counted");
        // Then after the duration the right password passes and clears the counter
        f.now = end;
        assertEquals(Action.goTo("unlocked"), f.attempt(true));
    }

    @Test
    void accountLockoutSuccessClearsEarlierFailures() {
        Fixture f = new Fixture();
        f.attempt(false);
        f.attempt(false);
        assertEquals(Action.goTo("unlocked"), f.attempt(true));
        assertEquals(Action.goTo("unlocked"), f.attempt(false));
        assertEquals(Action.goTo("unlocked"), f.attempt(false));
    }

    @Test
    void accountLockoutConfigNeedsALimitAndAPositiveDuration() {
        AccountLockout node = new Fixture().node;
        assertEquals(List.of("'duration' must be an ISO-8601 duration such as PT15M"),
                node.configProblems(Map.of("limit", 3, "duration", "15 minutes")));
        assertEquals(List.of("'limit' is required"), node.configProblems(Map.of("duration", "PT1M")));
    }

    private static final Page PAGE = new Page(List.of(new UsernameCollector(), new PasswordCollector()));
    private static final Map<String, Object> PAGE_CONFIG = Map.of("nodes", List.of("UsernameCollector", "PasswordCollector"));

    @Test
    void pageAsksForAllItsChildrensCallbacksInOneStep() {
        Action ask = PAGE.process(entered("credentials", PAGE_CONFIG, new NodeState(Map.of())));
        assertEquals(new Action.SendCallbacks(List.of(Callback.prompt("NameCallback", "User Name"),
                Callback.prompt("PasswordCallback", "Password"))), ask);
    }

    @Test
    void pageGivesEachChildItsAnswerAndLeavesThroughNext() {
        NodeState state = new NodeState(Map.of());
        Action next = PAGE.process(new NodeContext("r", "credentials", PAGE_CONFIG, state, List.of(
                new Callback("NameCallback", List.of(), " alice "), new Callback("PasswordCallback", List.of(), "pw"))));
        assertEquals(Action.goTo("next"), next);
        assertEquals("alice", state.shared("username").orElseThrow());
        assertEquals("pw", state.transientValue("password").orElseThrow());
        assertEquals(java.util.Set.of("username", "password"), PAGE.writes(PAGE_CONFIG));
    }

    @Test
    void pageWithMissingOrSwappedAnswersIsMissingInput() {
        NodeState state = new NodeState(Map.of());
        assertThrows(MissingInputException.class, () -> PAGE.process(new NodeContext("r", "p", PAGE_CONFIG, state,
                List.of(new Callback("NameCallback", List.of(), "alice")))));
        assertThrows(MissingInputException.class, () -> PAGE.process(new NodeContext("r", "p", PAGE_CONFIG, state,
                List.of(new Callback("PasswordCallback", List.of(), "pw"), new Callback("NameCallback", List.of(), "a")))));
    }

    @Test
    void pageHoldingANodeThatIsNotACollectorHasAConfigProblem() {
        assertEquals(1, PAGE.configProblems(Map.of("nodes", List.of("DataStoreDecision"))).size());
        assertTrue(PAGE.configProblems(Map.of("nodes", List.of("DataStoreDecision"))).get(0)
                .startsWith("'nodes' holds 'DataStoreDecision', which is not a collector a page can hold"));
    }
}
