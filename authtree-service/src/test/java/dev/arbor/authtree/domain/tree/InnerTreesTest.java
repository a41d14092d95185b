package dev.arbor.authtree.domain.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InnerTreesTest {
    private static final TreeDefinition CREDS = new TreeDefinition("username", ordered(
            "username", new NodeSpec("UsernameCollector", Map.of("next", "password")),
            "password", new NodeSpec("PasswordCollector", Map.of("next", "check")),
            "check", new NodeSpec("DataStoreDecision", Map.of("true", "success", "false", "username"))));

    @Test
    void givenAnInnerTreeNodeWhenExpandedThenTheInnerNodesTakeItsPlaceAndItsExitsLeadToItsOutcomes() {
        TreeDefinition outer = new TreeDefinition("login", ordered(
                "login", new NodeSpec("InnerTree", Map.of("true", "otp", "false", "failure"), Map.of("tree", "creds")),
                "otp", new NodeSpec("TotpCollector", Map.of("next", "success"))));

        TreeDefinition expanded = InnerTrees.expand("outer", outer, name -> Optional.of(CREDS).filter(t -> name.equals("creds")));

        assertEquals("login", expanded.start());
        assertEquals(new NodeSpec("UsernameCollector", Map.of("next", "login/password")), expanded.nodes().get("login"));
        assertEquals(Map.of("true", "login/#success", "false", "login"), expanded.nodes().get("login/check").outcomes(),
                "a loop back to the inner start stays inside the inner tree");
        assertEquals(new NodeSpec("InnerTreeExit", Map.of("next", "otp")), expanded.nodes().get("login/#success"));
        assertEquals(new NodeSpec("InnerTreeExit", Map.of("next", "failure")), expanded.nodes().get("login/#failure"));
        assertEquals(Map.of("next", "success"), expanded.nodes().get("otp").outcomes());
    }

    @Test
    void givenAMissingOrSelfContainingInnerTreeWhenExpandedThenTheNodeStaysToFailClosed() {
        NodeSpec missing = new NodeSpec("InnerTree", Map.of("true", "success", "false", "failure"), Map.of("tree", "nope"));
        NodeSpec self = new NodeSpec("InnerTree", Map.of("true", "success", "false", "failure"), Map.of("tree", "outer"));

        TreeDefinition a = InnerTrees.expand("outer", new TreeDefinition("x", Map.of("x", missing)), name -> Optional.empty());
        TreeDefinition b = InnerTrees.expand("outer", new TreeDefinition("x", Map.of("x", self)),
                name -> Optional.of(new TreeDefinition("x", Map.of("x", self))));

        assertEquals(missing, a.nodes().get("x"));
        assertEquals(Map.of("x", self), b.nodes());
    }

    @Test
    void givenATreeWithoutInnerTreesWhenExpandedThenTheSameDefinition() {
        assertSame(CREDS, InnerTrees.expand("creds", CREDS, name -> Optional.empty()));
    }

    private static Map<String, NodeSpec> ordered(Object... pairs) {
        Map<String, NodeSpec> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (NodeSpec) pairs[i + 1]);
        }
        return map;
    }
}
