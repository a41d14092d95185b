package dev.arbor.sessionstore.port;

import dev.arbor.sessionstore.domain.session.SsoSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where SSO sessions live, with an index per (realm, subject). Implementations must not store the raw id
 * where a dump would reveal it.
 */
public interface SsoSessionRepository {
    CompletionStage<Void> save(SsoSession session, Duration ttl);

    CompletionStage<Optional<SsoSession>> find(String id);

    /** @return true when the session was removed by this call */
    CompletionStage<Boolean> delete(SsoSession session);

    /** The stored sessions of {@code subject} in {@code realm}; may include ones that expired a moment ago. */
    CompletionStage<List<SsoSession>> findBySubject(String realm, String subject);
}
