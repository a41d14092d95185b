package dev.arbor.authtree.node;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the current journey request came from, as the HTTP adapter saw it: the TCP peer's address, the
 * raw {@code X-Forwarded-For} header values in the order received, and the few request headers a node may
 * pass on (to a script): {@link #FORWARDABLE_HEADERS} only, names lower-cased. Whatever else the adapter
 * hands over is dropped here, so {@code Cookie} and {@code Authorization} can never reach a node. Nothing
 * here is trusted yet; see {@link ClientAddress} for the rule that picks the client's address.
 */
public record ClientRequest(String peerAddress, List<String> forwardedFor, Map<String, String> headers) {
    /** A request of which nothing is known (tests, internal callers): every IP condition is {@code outside}. */
    public static final ClientRequest UNKNOWN = new ClientRequest("", List.of());

    /** The request headers a node may see (ScriptedDecision's {@code request.headers}). */
    public static final Set<String> FORWARDABLE_HEADERS = Set.of("user-agent", "accept-language");

    /** Longest header value kept; a longer one is cut, so a client cannot blow up a script's input. */
    static final int MAX_HEADER_LENGTH = 512;

    public ClientRequest {
        peerAddress = peerAddress == null ? "" : peerAddress;
        forwardedFor = forwardedFor == null ? List.of() : forwardedFor.stream().filter(v -> v != null).toList();
        headers = forwardable(headers);
    }

    public ClientRequest(String peerAddress, List<String> forwardedFor) {
        this(peerAddress, forwardedFor, Map.of());
    }

    private static Map<String, String> forwardable(Map<String, String> headers) {
        Map<String, String> kept = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                String key = name == null ? "" : name.toLowerCase(Locale.ROOT);
                if (FORWARDABLE_HEADERS.contains(key) && value != null) {
                    kept.put(key, value.length() > MAX_HEADER_LENGTH ? value.substring(0, MAX_HEADER_LENGTH) : value);
                }
            });
        }
        return Map.copyOf(kept);
    }
}
