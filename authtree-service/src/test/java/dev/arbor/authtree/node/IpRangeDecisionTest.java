package dev.arbor.authtree.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given/When/Then tests of IpRangeDecision, its CIDR matching and the trusted-proxy rule of X-Forwarded-For. */
class IpRangeDecisionTest {
    private static final Map<String, Object> OFFICE = Map.of("allow", List.of("192.0.2.0/24", "2001:db8:10::/48"));
    private static final List<Cidr> PROXIES = Cidr.parseAll(List.of("10.0.0.0/8", "fd00::/8"));
    private static final Action INSIDE = Action.goTo("inside");
    private static final Action OUTSIDE = Action.goTo("outside");

    private static Action decide(List<Cidr> trusted, String peer, String... forwardedFor) {
        NodeContext ctx = new NodeContext("r", "ip", OFFICE, new NodeState(Map.of()), List.of(),
                new ClientRequest(peer, List.of(forwardedFor)));
        return new IpRangeDecision(trusted).process(ctx);
    }

    @Test
    void ipv4PeerInsideOrOutsideTheBlock() {
        // Given no trusted proxies When the peer is in / out of 192.0.2.0/24 Then inside / outside
        assertEquals(INSIDE, decide(List.of(), "192.0.2.1"));
        assertEquals(INSIDE, decide(List.of(), "192.0.2.255"));
        assertEquals(OUTSIDE, decide(List.of(), "192.0.3.0"));
        assertEquals(OUTSIDE, decide(List.of(), "192.0.1.255"));
    }

    @Test
    void ipv6PeerInsideOrOutsideTheBlock() {
        assertEquals(INSIDE, decide(List.of(), "2001:db8:10:ffff::1"));
        assertEquals(INSIDE, decide(List.of(), "2001:0DB8:0010:0000:0000:0000:0000:0001"));
        assertEquals(OUTSIDE, decide(List.of(), "2001:db8:11::1"));
        assertEquals(OUTSIDE, decide(List.of(), "::1"));
    }

    @Test
    void ipv4MappedIpv6PeerIsMatchedAsIpv4() {
        // Given a dual-stack listener reporting ::ffff:192.0.2.7 Then it is the IPv4 address 192.0.2.7
        assertEquals(INSIDE, decide(List.of(), "::ffff:192.0.2.7"));
        assertEquals(INSIDE, decide(List.of(), "::ffff:c000:207"));
        assertEquals(OUTSIDE, decide(List.of(), "::ffff:198.51.100.7"));
        // And a mapped block in the config matches a plain IPv4 client
        Cidr mapped = Cidr.parse("::ffff:192.0.2.0/120");
        assertTrue(mapped.contains(Cidr.literal("192.0.2.9").orElseThrow()));
        assertFalse(mapped.contains(Cidr.literal("192.0.3.9").orElseThrow()));
    }

    @Test
    void prefixBoundariesAreExactNotByteAligned() {
        Cidr block = Cidr.parse("198.51.100.64/27"); // .64 - .95
        assertTrue(block.contains(Cidr.literal("198.51.100.64").orElseThrow()));
        assertTrue(block.contains(Cidr.literal("198.51.100.95").orElseThrow()));
        assertFalse(block.contains(Cidr.literal("198.51.100.96").orElseThrow()));
        assertFalse(block.contains(Cidr.literal("198.51.100.63").orElseThrow()));
        assertTrue(Cidr.parse("0.0.0.0/0").contains(Cidr.literal("203.0.113.1").orElseThrow()));
        assertFalse(Cidr.parse("0.0.0.0/0").contains(Cidr.literal("2001:db8::1").orElseThrow()));
        assertTrue(Cidr.parse("203.0.113.5").contains(Cidr.literal("203.0.113.5").orElseThrow()));
        assertFalse(Cidr.parse("203.0.113.5").contains(Cidr.literal("203.0.113.4").orElseThrow()));
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        // Given a peer outside the office that is not a trusted proxy, claiming an office address
        assertEquals(OUTSIDE, decide(PROXIES, "203.0.113.9", "192.0.2.1"));
        // And with no trusted proxies at all, not even a loopback peer's header is believed
        assertEquals(OUTSIDE, decide(List.of(), "10.1.1.1", "192.0.2.1"));
        // And an office peer stays inside whatever outside address its header claims
        assertEquals(INSIDE, decide(PROXIES, "192.0.2.8", "203.0.113.9"));
    }

    @Test
    void forwardedForFromATrustedProxyNamesTheClient() {
        assertEquals(INSIDE, decide(PROXIES, "10.0.0.5", "192.0.2.1"));
        assertEquals(OUTSIDE, decide(PROXIES, "10.0.0.5", "203.0.113.9"));
        assertEquals(INSIDE, decide(PROXIES, "fd00::5", "2001:db8:10::7"));
        // A trusted proxy with no header is itself the client
        assertEquals(OUTSIDE, decide(PROXIES, "10.0.0.5"));
    }

    @Test
    void chainOfProxiesTakesTheRightMostUntrustedEntry() {
        // Given client spoofing an office address in front, then the real client, then two trusted hops
        assertEquals(OUTSIDE, decide(PROXIES, "10.0.0.5", "192.0.2.1, 203.0.113.9, 10.0.0.7", "10.0.0.6"));
        assertEquals(INSIDE, decide(PROXIES, "10.0.0.5", "203.0.113.9, 192.0.2.1, 10.0.0.7, 10.0.0.6"));
        // Every hop trusted: the left-most is the client
        assertEquals(OUTSIDE, decide(PROXIES, "10.0.0.5", "10.0.0.9, 10.0.0.7"));
    }

    @Test
    void garbageForwardedForFailsClosedWithoutAnException() {
        assertEquals(OUTSIDE, decide(PROXIES, "10.0.0.5", "not-an-ip"));
        assertEquals(OUTSIDE, decide(PROXIES, "10.0.0.5", "192.0.2.1, unknown"));
        assertEquals(OUTSIDE, decide(PROXIES, "10.0.0.5", "192.0.2.1:443"));
        assertEquals(OUTSIDE, decide(PROXIES, "10.0.0.5", "localhost"));
        assertEquals(OUTSIDE, decide(PROXIES, "10.0.0.5", "192.0.2.1%eth0"));
        assertEquals(OUTSIDE, decide(PROXIES, "10.0.0.5", "999.0.2.1"));
        assertEquals(OUTSIDE, decide(PROXIES, "10.0.0.5", "192.0.2.1" + ", 10.0.0.1".repeat(40)));
        // Blank entries are skipped, not taken as an address
        assertEquals(INSIDE, decide(PROXIES, "10.0.0.5", "192.0.2.1, , "));
        // A peer that is not an address literal is outside
        assertEquals(OUTSIDE, decide(PROXIES, "", "192.0.2.1"));
        assertEquals(OUTSIDE, decide(List.of(), "garbage"));
        assertEquals(OUTSIDE, new IpRangeDecision(PROXIES).process(new NodeContext("r", "ip", OFFICE,
                new NodeState(Map.of()), List.of())));
    }

    @Test
    void validationWhenAllowHoldsABadCidrThenTheEntryIsNamed() {
        IpRangeDecision node = new IpRangeDecision(List.of());
        assertEquals(List.of(), node.configProblems(OFFICE));
        assertEquals(List.of("'allow' must be a non-empty list"), node.configProblems(Map.of()));
        assertEquals(List.of("'allow' must be a non-empty list"), node.configProblems(Map.of("allow", "10.0.0.0/8")));
        assertEquals(List.of("'allow': '10.0.0.0/33' has a prefix length out of range"),
                node.configProblems(Map.of("allow", List.of("10.0.0.0/33"))));
        assertEquals(List.of("'allow': '2001:db8::/129' has a prefix length out of range"),
                node.configProblems(Map.of("allow", List.of("2001:db8::/129"))));
        assertEquals(List.of("'allow': 'intranet.example' is not an IPv4 or IPv6 CIDR"),
                node.configProblems(Map.of("allow", List.of("intranet.example"))));
        assertEquals(List.of("'allow': '10.0.0.0/' has no valid prefix length"),
                node.configProblems(Map.of("allow", List.of("10.0.0.0/"))));
        assertEquals(List.of("'allow': '10.1/8' is not an IPv4 or IPv6 CIDR"),
                node.configProblems(Map.of("allow", List.of("10.1/8"))));
        assertEquals(List.of("'allow': '::ffff:10.0.0.0/64' has a prefix length out of range"),
                node.configProblems(Map.of("allow", List.of("::ffff:10.0.0.0/64"))));
    }

    @Test
    void outcomesAreInsideAndOutside() {
        assertEquals(List.of("inside", "outside"), new IpRangeDecision(List.of()).outcomes(OFFICE));
    }
}
