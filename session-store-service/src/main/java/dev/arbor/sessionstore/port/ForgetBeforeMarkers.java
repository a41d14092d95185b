package dev.arbor.sessionstore.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Per (realm, subject): results remembered at or before this instant are forgotten. Set on logout; it
 * reaches sealed results in cookies on every device, which session-store cannot delete.
 */
public interface ForgetBeforeMarkers {
    CompletionStage<Void> set(String realm, String subject, Instant at, Duration ttl);

    CompletionStage<Optional<Instant>> find(String realm, String subject);
}
