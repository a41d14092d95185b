package dev.arbor.authtree.node;

import dev.arbor.authtree.domain.webauthn.CeremonyStart;
import dev.arbor.authtree.domain.webauthn.MalformedCredentialException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the two WebAuthn nodes share: the pending request lives in the journey's shared state (server-side, in
 * session-store, never in the client) under a key of the node, with the instant it was issued; the answer
 * consumes it whatever the verdict, so a second submission finds nothing to verify against (W5).
 */
final class WebAuthnCeremony {
    static final String INPUT = "credential";

    private final String requestKey;
    private final String issuedKey;
    private final Clock clock;

    WebAuthnCeremony(String prefix, Clock clock) {
        this.requestKey = prefix + "Request";
        this.issuedKey = prefix + "IssuedAt";
        this.clock = clock;
    }

    /** Keeps {@code start}'s request and sends its options to the client in a callback of {@code type}. */
    Action offer(NodeContext ctx, String type, String prompt, CeremonyStart start, Duration timeout) {
        ctx.state().putShared(requestKey, start.requestJson());
        ctx.state().putShared(issuedKey, Long.toString(clock.millis()));
        return Action.send(Callback.named(type, List.of(new Callback.Field("publicKey", start.publicKey()),
                new Callback.Field("prompt", prompt),
                new Callback.Field("timeout", timeout.toMillis())), INPUT));
    }

    /** The client's credential JSON; a missing or blank one is bad input (400) and consumes nothing. */
    static String credential(NodeContext ctx, String type) {
        String credential = ctx.requireInput(type);
        if (credential.isBlank()) {
            throw new MissingInputException("missing input for " + type);
        }
        return credential;
    }

    /** Removes the pending request; present only when it was issued and has not expired. */
    Optional<String> consume(NodeContext ctx, Duration timeout) {
        Optional<String> request = ctx.state().shared(requestKey);
        Optional<String> issued = ctx.state().shared(issuedKey);
        ctx.state().removeShared(requestKey);
        ctx.state().removeShared(issuedKey);
        if (request.isEmpty() || issued.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant deadline = Instant.ofEpochMilli(Long.parseLong(issued.get())).plus(timeout);
            return clock.instant().isAfter(deadline) ? Optional.empty() : request;
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Runs a verification; a credential that is not WebAuthn JSON at all becomes a 400, not an outcome. */
    static <T> T verify(Supplier<T> verification) {
        try {
            return verification.get();
        } catch (MalformedCredentialException e) {
            throw new MissingInputException(e.getMessage());
        }
    }
}
