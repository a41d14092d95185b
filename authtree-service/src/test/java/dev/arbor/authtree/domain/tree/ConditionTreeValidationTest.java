package dev.arbor.authtree.domain.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.authtree.node.IpRangeDecision;
import dev.arbor.authtree.node.TimeWindowDecision;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tree validation of the condition nodes: a bad CIDR, zone or time is a problem naming node and key. */
class ConditionTreeValidationTest {
    private final TreeValidator validator = new TreeValidator(new dev.arbor.authtree.node.NodeRegistry(List.of(
            new IpRangeDecision(List.of()), new TimeWindowDecision(Clock.systemUTC()))));

    private List<String> problems(Map<String, Object> ipConfig, Map<String, Object> hoursConfig) {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>();
        nodes.put("office", new NodeSpec(IpRangeDecision.TYPE, Map.of("inside", "hours", "outside", "failure"),
                ipConfig));
        nodes.put("hours", new NodeSpec(TimeWindowDecision.TYPE, Map.of("inside", "success", "outside", "failure"),
                hoursConfig));
        return validator.problems("conditions", new TreeDefinition("office", nodes));
    }

    @Test
    void wellConfiguredConditionsPass() {
        assertEquals(List.of(), problems(Map.of("allow", List.of("10.0.0.0/8", "2001:db8::/32")),
                Map.of("zone", "Europe/Paris", "from", "22:00", "to", "06:00", "days", List.of("FRI", "sat"))));
    }

    @Test
    void badCidrAndBadZoneAreEachReportedAgainstTheirNode() {
        assertEquals(List.of(
                "tree 'conditions': node 'office' (IpRangeDecision) has bad config: "
                        + "'allow': '10.0.0.300/8' is not an IPv4 or IPv6 CIDR",
                "tree 'conditions': node 'hours' (TimeWindowDecision) has bad config: "
                        + "'zone' must be an IANA time-zone id such as Europe/Paris"),
                problems(Map.of("allow", List.of("10.0.0.300/8")),
                        Map.of("zone", "Europe/Pariss", "from", "08:00", "to", "18:00")));
    }

    @Test
    void missingConfigIsReportedNotDefaulted() {
        assertEquals(List.of(
                "tree 'conditions': node 'office' (IpRangeDecision) has bad config: 'allow' must be a non-empty list",
                "tree 'conditions': node 'hours' (TimeWindowDecision) has bad config: 'from' is required (HH:mm)"),
                problems(Map.of(), Map.of()));
    }
}
