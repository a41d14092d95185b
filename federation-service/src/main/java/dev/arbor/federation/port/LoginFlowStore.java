package dev.arbor.federation.port;

import dev.arbor.federation.domain.LoginFlow;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;

/** Login flows in progress, shared by every replica, each kept for a limited time. */
public interface LoginFlowStore {
    Uni<Void> save(LoginFlow flow, Duration ttl);

    Uni<Optional<LoginFlow>> find(String id);

    /** Reads and deletes in one step: of two concurrent callers, only one gets the flow. */
    Uni<Optional<LoginFlow>> take(String id);

    /**
     * Marks a one-time step of a flow (e.g. the consent decision) as done: true for the first caller on any
     * replica, false for every later one. The mark lives {@code ttl}, as long as the flow can.
     */
    Uni<Boolean> claimStep(String id, String step, Duration ttl);
}
