package dev.arbor.scriptrunner.adapter.out.graaljs;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses {@code http.fetch} never connects to unless {@code arbor.sandbox.http.allow-private-networks}:
 * anything that is not the public Internet, so an allow-listed name that resolves (or is later
 * re-pointed) into the service's own network cannot be used for server-side request forgery.
 */
final class AddressPolicy {
    private AddressPolicy() {
    }

    /** A short name of why {@code address} is refused, or null when it is a public address. */
    static String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local"; // 169.254.0.0/16 (cloud metadata at 169.254.169.254), fe80::/10
        }
        if (address.isSiteLocalAddress()) {
            return "private"; // 10/8, 172.16/12, 192.168/16 (RFC 1918), fec0::/10
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return "unspecified or multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc ? "unique-local" : null; // fc00::/7, RFC 4193
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) {
                return "reserved";
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return "shared (carrier-grade NAT)"; // 100.64.0.0/10, RFC 6598
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "benchmarking"; // 198.18.0.0/15, RFC 2544
            }
        }
        return null;
    }
}
