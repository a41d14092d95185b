package dev.arbor.federation.port;

import dev.arbor.federation.domain.PushedRequest;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;

/** Pushed authorization requests (RFC 9126), shared by every replica, each usable once. */
public interface PushedRequestStore {
    Uni<Void> save(String reference, PushedRequest request, Duration ttl);

    /** Reads and deletes in one step (RFC 9126 §4: one-time use): of two concurrent callers, one gets it. */
    Uni<Optional<PushedRequest>> take(String reference);
}
