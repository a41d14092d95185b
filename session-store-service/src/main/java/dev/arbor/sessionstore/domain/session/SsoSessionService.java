package dev.arbor.sessionstore.domain.session;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.sessionstore.domain.TtlPolicy;
import dev.arbor.sessionstore.port.SessionEventPublisher;
import dev.arbor.sessionstore.port.SsoSessionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Creates, finds and ends SSO sessions, and tells the suite about it on {@code arbor.session.v1}.
 * A create or end only completes once the event is acknowledged by the broker, so a consumer
 * (federation's logout fan-out) never misses a session that a caller was told exists or ended.
 * A session is only ever visible within its own realm.
 */
public final class SsoSessionService {
    static final String REASON_LOGOUT = "logout";

    private final SsoSessionRepository repository;
    private final SessionEventPublisher events;
    private final SessionIdGenerator ids;
    private final TtlPolicy ttl;
    private final Clock clock;

    public SsoSessionService(SsoSessionRepository repository, SessionEventPublisher events, SessionIdGenerator ids,
                             TtlPolicy ttl, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.ids = ids;
        this.ttl = ttl;
        this.clock = clock;
    }

    public CompletionStage<SsoSession> create(NewSession request) {
        Instant now = clock.instant();
        var lifetime = ttl.apply(request.ttlSeconds());
        var session = new SsoSession(ids.next(), request.realm(), request.subject(),
                request.authTime() == null ? now : request.authTime(), request.acr(), request.amr(),
                now.plus(lifetime));
        var created = new SessionEvent.Created(UUID.randomUUID().toString(), now, session.realm(), session.id(),
                session.subject(), session.acr(), session.amr(), session.expiresAt());
        return repository.save(session, lifetime)
                .thenCompose(saved -> events.publish(created))
                .thenApply(published -> session);
    }

    /** "Not found" covers unknown, expired and other-realm sessions alike: the caller cannot tell them apart. */
    public CompletionStage<Optional<SsoSession>> find(String realm, String id) {
        if (isBlank(realm) || isBlank(id)) {
            return completedFuture(Optional.empty());
        }
        Instant now = clock.instant();
        return repository.find(id).thenApply(found -> found
                .filter(session -> session.belongsTo(realm))
                .filter(session -> session.expiresAt().isAfter(now)));
    }

    /** @return true when this call ended the session (and published {@code session.ended}) */
    public CompletionStage<Boolean> end(String realm, String id) {
        return find(realm, id).thenCompose(found -> found
                .map(this::endAndPublish)
                .orElseGet(() -> completedFuture(false)));
    }

    private CompletionStage<Boolean> endAndPublish(SsoSession session) {
        var ended = new SessionEvent.Ended(UUID.randomUUID().toString(), clock.instant(), session.realm(),
                session.id(), session.subject(), REASON_LOGOUT);
        // Only the caller whose delete removed the key publishes, so concurrent ends yield one event.
        return repository.delete(session.id()).thenCompose(deleted -> deleted
                ? events.publish(ended).thenApply(published -> true)
                : completedFuture(false));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
