package dev.arbor.authtree.domain.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.authtree.node.DataStoreDecision;
import dev.arbor.authtree.node.NodeRegistry;
import dev.arbor.authtree.node.PasswordCollector;
import dev.arbor.authtree.node.RememberedResultCheck;
import dev.arbor.authtree.node.SetSessionProperties;
import dev.arbor.authtree.node.UsernameCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code remember} declarations, RememberedResultCheck and SetSessionProperties as the validator sees them. */
class NodeMemoryValidationTest {
    private final TreeValidator validator = new TreeValidator(new NodeRegistry(List.of(new UsernameCollector(),
            new PasswordCollector(), new DataStoreDecision(null, null), new RememberedResultCheck(),
            new SetSessionProperties())));

    private static Map<String, NodeSpec> nodes(NodeMemory checkMemory, Map<String, Object> checkConfig) {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("check-password", new NodeSpec(RememberedResultCheck.TYPE,
                Map.of("remembered", "props", "not_remembered", "username"), checkConfig));
        nodes.put("username", new NodeSpec("UsernameCollector", Map.of("next", "password")));
        nodes.put("password", new NodeSpec("PasswordCollector", Map.of("next", "check")));
        nodes.put("check", new NodeSpec("DataStoreDecision", Map.of("true", "props", "false", "failure"), Map.of(),
                checkMemory));
        nodes.put("props", new NodeSpec(SetSessionProperties.TYPE, Map.of("next", "success"),
                Map.of("properties", Map.of("who", "${shared:subject}", "via", "password"))));
        return nodes;
    }

    private List<String> problems(NodeMemory memory) {
        return validator.problems("t", new TreeDefinition("check-password", nodes(memory, Map.of("node", "check"))));
    }

    /** The one memory problem of {@code check} (a bad declaration also makes the check's target invalid). */
    private String memoryProblem(NodeMemory memory) {
        List<String> all = problems(memory);
        List<String> own = all.stream().filter(p -> p.contains("has bad memory")).toList();
        assertEquals(1, own.size(), all.toString());
        return own.getFirst();
    }

    @Test
    void aRememberingTreeWithACheckPasses() {
        assertEquals(List.of(), problems(new NodeMemory("session", "PT8H")));
        assertEquals(List.of(), problems(new NodeMemory("cookie", "P30D")));
    }

    @Test
    void theCheckRestoresWhatTheCheckedNodeWritesSoDownstreamReadsAreSatisfied() {
        // props reads subject: written by check, and by check-password (which restores check's result)
        assertEquals(List.of(), problems(new NodeMemory("session", "PT8H")));
    }

    @Test
    void badRememberDeclarationsAreListedWithTheOtherProblems() {
        assertTrue(memoryProblem(new NodeMemory("disk", "PT8H"))
                .contains("node 'check' (DataStoreDecision) has bad memory: remember.store 'disk'"));
        assertTrue(memoryProblem(new NodeMemory("session", null)).contains("remember.ttl is required"));
        assertTrue(memoryProblem(new NodeMemory("session", "8 hours")).contains("not an ISO-8601 duration"));
        assertTrue(memoryProblem(new NodeMemory("session", "PT0S")).contains("must be positive"));
        assertTrue(memoryProblem(new NodeMemory("cookie", "-PT1H")).contains("must be positive"));
        assertTrue(memoryProblem(new NodeMemory("cookie", "P31D")).contains("at most 30 days"));
    }

    @Test
    void storeNoneNeedsNoTtlButCannotBeChecked() {
        List<String> problems = problems(new NodeMemory("none", null));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("checks the memory of node 'check', which declares no remember"));
    }

    @Test
    void aCheckOfAnUnknownNodeOrWithoutConfigIsRefused() {
        List<String> unknown = validator.problems("t", new TreeDefinition("check-password",
                nodes(new NodeMemory("session", "PT8H"), Map.of("node", "chek"))));
        assertTrue(unknown.getFirst().contains("checks the memory of unknown node 'chek'"), unknown.toString());
        List<String> missing = validator.problems("t", new TreeDefinition("check-password",
                nodes(new NodeMemory("session", "PT8H"), Map.of())));
        assertTrue(missing.getFirst().contains("has bad config: 'node' is required"), missing.toString());
    }

    @Test
    void setSessionPropertiesChecksItsConfigAndItsReads() {
        Map<String, NodeSpec> n = nodes(new NodeMemory("session", "PT8H"), Map.of("node", "check"));
        n.put("props", new NodeSpec(SetSessionProperties.TYPE, Map.of("next", "success"),
                Map.of("properties", Map.of("who", "${shared:nickname}"))));
        List<String> reads = validator.problems("t", new TreeDefinition("check-password", n));
        assertTrue(reads.getFirst().contains("reads state 'nickname' that no upstream node writes"), reads.toString());

        n.put("props", new NodeSpec(SetSessionProperties.TYPE, Map.of("next", "success"),
                Map.of("properties", Map.of("bad name!", "x"))));
        assertTrue(validator.problems("t", new TreeDefinition("check-password", n)).getFirst()
                .contains("property name 'bad name!'"));
        n.put("props", new NodeSpec(SetSessionProperties.TYPE, Map.of("next", "success"),
                Map.of("properties", Map.of("x", "${transient:password}"))));
        assertTrue(validator.problems("t", new TreeDefinition("check-password", n)).getFirst()
                .contains("must be a literal or ${shared:key}"));
        n.put("props", new NodeSpec(SetSessionProperties.TYPE, Map.of("next", "success"), Map.of()));
        assertTrue(validator.problems("t", new TreeDefinition("check-password", n)).getFirst()
                .contains("'properties' must be a non-empty mapping"));
    }
}
