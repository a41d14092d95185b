package dev.arbor.authtree.domain.tree;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TreeValidatorTest {
    private static final NodeCatalog CATALOG = type -> Optional.ofNullable(Map.of(
            "UsernameCollector", List.of("next"),
            "PasswordCollector", List.of("next"),
            "DataStoreDecision", List.of("true", "false")).get(type));
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
}
