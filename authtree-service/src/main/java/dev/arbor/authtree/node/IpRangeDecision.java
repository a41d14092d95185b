package dev.arbor.authtree.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IP range condition: {@code inside} when the client's address lies in one of the configured {@code allow}
 * CIDR blocks (IPv4 RFC 4632 §3.1, IPv6 RFC 4291 §2.3; IPv4-mapped IPv6 compared as IPv4), {@code outside}
 * otherwise. The client is the TCP peer, or, when the peer is one of the service's trusted proxies
 * ({@code arbor.authtree.trusted-proxies}), the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy (see {@link ClientAddress}). An address that cannot be told is {@code outside}: the node fails
 * closed and never throws on what a client sent.
 * <pre>office: { type: IpRangeDecision, config: { allow: [ 10.0.0.0/8, "2001:db8::/32" ] },
 *          outcomes: { inside: success, outside: otp } }</pre>
 */
public final class IpRangeDecision implements Node {
    public static final String TYPE = "IpRangeDecision";

    private final List<Cidr> trustedProxies;

    /** @param trustedProxies the peers whose {@code X-Forwarded-For} is believed; empty: none */
    public IpRangeDecision(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** Typed config: the allowed blocks. */
    record Config(List<Cidr> allow) {
        static Config parse(Map<String, Object> raw) {
            List<Cidr> allow = new ArrayList<>();
            for (String entry : new NodeConfig(raw).strings("allow")) {
                try {
                    allow.add(Cidr.parse(entry));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'allow': " + e.getMessage());
                }
            }
            return new Config(List.copyOf(allow));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> outcomes() {
        return List.of("inside", "outside");
    }

    @Override
    public List<String> configProblems(Map<String, Object> config) {
        return NodeConfig.problems(() -> Config.parse(config));
    }

    @Override
    public Action process(NodeContext ctx) {
        Config config = Config.parse(ctx.config());
        Optional<byte[]> client = ClientAddress.resolve(ctx.client(), trustedProxies);
        boolean inside = client.filter(address -> Cidr.anyContains(config.allow(), address)).isPresent();
        return Action.goTo(inside ? "inside" : "outside");
    }
}
