package dev.arbor.authtree.domain.tree;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arbor.authtree.node.AccountLockout;
import dev.arbor.authtree.node.ChoiceCollector;
import dev.arbor.authtree.node.DataStoreDecision;
import dev.arbor.authtree.node.NodeRegistry;
import dev.arbor.authtree.node.Page;
import dev.arbor.authtree.node.PasswordCollector;
import dev.arbor.authtree.node.RetryLimitDecision;
import dev.arbor.authtree.node.TextOutput;
import dev.arbor.authtree.node.UsernameCollector;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreeValidatorTest {
    private static final NodeCatalog CATALOG = new NodeRegistry(List.of(new UsernameCollector(),
            new PasswordCollector(), new DataStoreDecision(null, null), new RetryLimitDecision(),
            new ChoiceCollector(), new TextOutput(), new AccountLockout(null, Clock.systemUTC()),
            new Page(List.of(new UsernameCollector(), new PasswordCollector()))));
    private final TreeValidator validator = new TreeValidator(CATALOG);

    private static Map<String, NodeSpec> loginNodes() {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("username", new NodeSpec("UsernameCollector", Map.of("next", "password")));
        nodes.put("password", new NodeSpec("PasswordCollector", Map.of("next", "check")));
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "success", "false", "failure")));
        return nodes;
    }

    private String fault(Map<String, NodeSpec> nodes) {
        return assertThrows(TreeValidationException.class,
                () -> validator.validate("login", new TreeDefinition("username", nodes))).getMessage();
    }

    @Test
    void validLoginTreePasses() {
        assertDoesNotThrow(() -> validator.validate("login", new TreeDefinition("username", loginNodes())));
    }

    @Test
    void unknownNodeTypeNamesNodeAndType() {
        Map<String, NodeSpec> nodes = loginNodes();
        nodes.put("password", new NodeSpec("PasswordColector", Map.of("next", "check")));
        assertEquals("tree 'login': node 'password' has unknown type 'PasswordColector'", fault(nodes));
    }

    @Test
    void declaredOutcomeWiredNowhereNamesNodeAndOutcome() {
        Map<String, NodeSpec> nodes = loginNodes();
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "success")));
        assertEquals("tree 'login': node 'check' (DataStoreDecision) outcome 'false' is not wired to any node",
                fault(nodes));
    }

    @Test
    void outcomeWiredToUnknownNodeNamesNodeOutcomeAndTarget() {
        Map<String, NodeSpec> nodes = loginNodes();
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "sucess", "false", "failure")));
        assertEquals("tree 'login': node 'check' outcome 'true' is wired to unknown node 'sucess'", fault(nodes));
    }

    @Test
    void unreachableNodeIsNamed() {
        Map<String, NodeSpec> nodes = loginNodes();
        nodes.put("orphan", new NodeSpec("UsernameCollector", Map.of("next", "check")));
        assertEquals("tree 'login': node 'orphan' is unreachable from start node 'username'", fault(nodes));
    }

    @Test
    void outcomeTheTypeDoesNotDeclareIsRefused() {
        Map<String, NodeSpec> nodes = loginNodes();
        nodes.put("username", new NodeSpec("UsernameCollector", Map.of("next", "password", "skip", "check")));
        assertEquals("tree 'login': node 'username' wires outcome 'skip' which type UsernameCollector does not "
                + "declare (it declares [next])", fault(nodes));
    }

    @Test
    void startThatIsNotANodeIsRefused() {
        TreeValidationException e = assertThrows(TreeValidationException.class,
                () -> validator.validate("login", new TreeDefinition("nope", loginNodes())));
        assertEquals("tree 'login': start node 'nope' is not a node of the tree", e.getMessage());
    }

    @Test
    void terminalIdsCannotBeDeclaredAsNodes() {
        Map<String, NodeSpec> nodes = loginNodes();
        nodes.put("success", new NodeSpec("UsernameCollector", Map.of("next", "check")));
        assertEquals("tree 'login': node id 'success' is reserved for the terminal node", fault(nodes));
    }

    private List<String> problems(Map<String, NodeSpec> nodes) {
        return assertThrows(TreeValidationException.class,
                () -> validator.validate("login", new TreeDefinition("username", nodes))).problems();
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() {
        Map<String, NodeSpec> nodes = loginNodes();
        nodes.put("password", new NodeSpec("PasswordColector", Map.of("next", "check")));
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "success")));
        assertEquals(List.of("tree 'login': node 'password' has unknown type 'PasswordColector'",
                "tree 'login': node 'check' (DataStoreDecision) outcome 'false' is not wired to any node"),
                problems(nodes));
    }

    @Test
    void badNodeConfigNamesNodeTypeAndKey() {
        Map<String, NodeSpec> nodes = loginNodes();
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "lockout", "false", "lockout")));
        nodes.put("lockout", new NodeSpec("AccountLockout", Map.of("unlocked", "success", "locked", "failure"),
                Map.of("limit", "five", "duration", "PT15M")));
        assertEquals(List.of("tree 'login': node 'lockout' (AccountLockout) has bad config: 'limit' must be a whole number"),
                problems(nodes));
    }

    @Test
    void choiceCollectorOutcomesAreItsConfiguredChoices() {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("pick", new NodeSpec("ChoiceCollector", Map.of("password", "username", "cancel", "failure"),
                Map.of("choices", List.of("password", "cancel"))));
        nodes.putAll(loginNodes());
        assertDoesNotThrow(() -> validator.validate("login", new TreeDefinition("pick", nodes)));

        nodes.put("pick", new NodeSpec("ChoiceCollector", Map.of("password", "username"),
                Map.of("choices", List.of("password", "cancel"))));
        assertEquals(List.of("tree 'login': node 'pick' (ChoiceCollector) outcome 'cancel' is not wired to any node"),
                assertThrows(TreeValidationException.class,
                        () -> validator.validate("login", new TreeDefinition("pick", nodes))).problems());
    }

    @Test
    void loopWithoutRetryGuardIsRefusedAndNamesTheClosingOutcome() {
        Map<String, NodeSpec> nodes = loginNodes();
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "success", "false", "username")));
        assertEquals(List.of("tree 'login': node 'check' outcome 'false' closes a loop with no retry guard "
                + "(add a RetryLimitDecision node to the loop)"), problems(nodes));
    }

    @Test
    void loopThroughRetryLimitDecisionPasses() {
        Map<String, NodeSpec> nodes = loginNodes();
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "success", "false", "retry")));
        nodes.put("retry", new NodeSpec("RetryLimitDecision", Map.of("retry", "username", "reject", "failure"),
                Map.of("limit", 3)));
        assertDoesNotThrow(() -> validator.validate("login", new TreeDefinition("username", nodes)));
    }

    @Test
    void nodeReadingStateNoUpstreamNodeWritesIsRefused() {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("password", new NodeSpec("PasswordCollector", Map.of("next", "check")));
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "success", "false", "failure")));
        assertEquals(List.of("tree 'login': node 'check' (DataStoreDecision) reads state 'username' that no "
                + "upstream node writes"), assertThrows(TreeValidationException.class,
                        () -> validator.validate("login", new TreeDefinition("password", nodes))).problems());
    }

    @Test
    void stateWrittenOnlyDownstreamDoesNotCount() {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("password", new NodeSpec("PasswordCollector", Map.of("next", "check")));
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "success", "false", "username")));
        nodes.put("username", new NodeSpec("UsernameCollector", Map.of("next", "failure")));
        assertEquals(List.of("tree 'login': node 'check' (DataStoreDecision) reads state 'username' that no "
                + "upstream node writes"), assertThrows(TreeValidationException.class,
                        () -> validator.validate("login", new TreeDefinition("password", nodes))).problems());
    }

    @Test
    void pageWritesWhatItsChildrenWriteSoTheDecisionAfterItPasses() {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("credentials", new NodeSpec("Page", Map.of("next", "check"),
                Map.of("nodes", List.of("UsernameCollector", "PasswordCollector"))));
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "success", "false", "failure")));
        assertDoesNotThrow(() -> validator.validate("login", new TreeDefinition("credentials", nodes)));
    }
}
