package dev.arbor.authtree.node;

import java.util.List;

/**
 * Where the current journey request came from, as the HTTP adapter saw it: the TCP peer's address and the
 * raw {@code X-Forwarded-For} header values in the order received. Nothing here is trusted yet; see
 * {@link ClientAddress} for the rule that picks the client's address.
 */
public record ClientRequest(String peerAddress, List<String> forwardedFor) {
    /** A request of which nothing is known (tests, internal callers): every IP condition is {@code outside}. */
    public static final ClientRequest UNKNOWN = new ClientRequest("", List.of());

    public ClientRequest {
        peerAddress = peerAddress == null ? "" : peerAddress;
        forwardedFor = forwardedFor == null ? List.of() : forwardedFor.stream().filter(v -> v != null).toList();
    }
}
