package dev.arbor.sessionstore.port;

import dev.arbor.sessionstore.domain.session.SsoSession;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where SSO sessions live. Implementations must not store the raw id where a dump would reveal it. */
public interface SsoSessionRepository {
    CompletionStage<Void> save(SsoSession session, Duration ttl);

    CompletionStage<Optional<SsoSession>> find(String id);

    /** @return true when a session was removed by this call */
    CompletionStage<Boolean> delete(String id);
}
