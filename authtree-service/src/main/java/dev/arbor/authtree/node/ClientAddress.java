package dev.arbor.authtree.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client's IP address under the trusted-proxy rule of {@code X-Forwarded-For} (the de-facto header
 * RFC 7239 §5.2 standardises as {@code Forwarded: for=}; each proxy appends the address it received from):
 * <ul>
 *   <li>A peer that is not a trusted proxy is the client; its {@code X-Forwarded-For} is ignored, since
 *       whoever connects directly can write anything there.</li>
 *   <li>A trusted peer: the entries are read right to left, skipping trusted proxies; the first entry that is
 *       not a trusted proxy is the client (every entry left of it was written by an untrusted party). When
 *       every entry is a trusted proxy, the left-most one is. With no header the peer itself is the client.</li>
 *   <li>An entry that is not an address literal (garbage, a host name, {@code unknown}, a port) ends the walk
 *       with no address: the caller must then treat the client as outside every range (fail closed).</li>
 * </ul>
 */
final class ClientAddress {
    /** More hops than this in the header is not a real chain: no address. */
    static final int MAX_HOPS = 32;

    private ClientAddress() {
    }

    static Optional<byte[]> resolve(ClientRequest request, List<Cidr> trustedProxies) {
        Optional<byte[]> peer = Cidr.literal(request.peerAddress());
        if (peer.isEmpty() || !Cidr.anyContains(trustedProxies, peer.get())) {
            return peer;
        }
        List<String> hops = hops(request.forwardedFor());
        if (hops.isEmpty()) {
            return peer;
        }
        if (hops.size() > MAX_HOPS) {
            return Optional.empty();
        }
        Optional<byte[]> hop = Optional.empty();
        for (int i = hops.size() - 1; i >= 0; i--) {
            hop = Cidr.literal(hops.get(i));
            if (hop.isEmpty() || !Cidr.anyContains(trustedProxies, hop.get())) {
                return hop;
            }
        }
        return hop;
    }

    /** Every comma-separated entry of every header line, in order; blank entries dropped. */
    private static List<String> hops(List<String> headerValues) {
        List<String> hops = new ArrayList<>();
        for (String value : headerValues) {
            for (String entry : value.split(",", -1)) {
                if (!entry.isBlank()) {
                    hops.add(entry.strip());
                }
            }
            if (hops.size() > MAX_HOPS) {
                break;
            }
        }
        return hops;
    }
}
