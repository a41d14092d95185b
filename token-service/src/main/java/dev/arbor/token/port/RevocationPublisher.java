package dev.arbor.token.port;

import dev.arbor.token.domain.revocation.Revocation;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Tells every verifier about a revocation; completes when the message is durably accepted. */
public interface RevocationPublisher {

    CompletionStage<Void> publish(Revocation revocation, Instant occurredAt);
}
