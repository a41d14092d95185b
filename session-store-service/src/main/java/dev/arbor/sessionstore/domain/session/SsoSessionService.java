package dev.arbor.sessionstore.domain.session;

import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.arbor.contracts.events.SessionEvent;
import dev.arbor.contracts.session.SessionIds;
import dev.arbor.sessionstore.domain.InvalidRequestException;
import dev.arbor.sessionstore.domain.TtlPolicy;
import dev.arbor.sessionstore.port.ForgetBeforeMarkers;
import dev.arbor.sessionstore.port.SessionEventPublisher;
import dev.arbor.sessionstore.port.SsoSessionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Creates, finds, lists and ends SSO sessions, and tells the suite about it on {@code arbor.session.v1}.
 * A create or end only completes once the event is acknowledged by the broker, so a consumer
 * (federation's logout fan-out) never misses a session that a caller was told exists or ended.
 * A session is only ever visible within its own realm, and with only its node results still valid.
 */
public final class SsoSessionService {
    private final SsoSessionRepository repository;
    private final SessionEventPublisher events;
    private final ForgetBeforeMarkers forgetMarkers;
    private final SessionIdGenerator ids;
    private final TtlPolicy ttl;
    private final Duration nodeResultMaxTtl;
    private final Clock clock;

    public SsoSessionService(SsoSessionRepository repository, SessionEventPublisher events,
                             ForgetBeforeMarkers forgetMarkers, SessionIdGenerator ids, TtlPolicy ttl,
                             Duration nodeResultMaxTtl, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.forgetMarkers = forgetMarkers;
        this.ids = ids;
        this.ttl = ttl;
        this.nodeResultMaxTtl = nodeResultMaxTtl;
        this.clock = clock;
    }

    /** A new session, always with a fresh id; the session it replaces (if any) ends afterwards. */
    public CompletionStage<SsoSession> create(NewSession request) {
        Instant now = clock.instant();
        var lifetime = ttl.apply(request.ttlSeconds());
        Instant expiresAt = now.plus(lifetime);
        List<NodeResult> results = request.nodeResults().stream()
                .filter(result -> result.validAt(now))
                .map(result -> result.expiringNoLaterThan(expiresAt))
                .toList();
        var session = new SsoSession(ids.next(), request.realm(), request.subject(),
                request.authTime() == null ? now : request.authTime(), request.acr(), request.amr(),
                expiresAt, results, request.properties());
        var created = new SessionEvent.Created(UUID.randomUUID().toString(), now, session.realm(),
                SessionIds.sid(session.id()),
                session.subject(), session.acr(), session.amr(), session.expiresAt());
        // Created first, replaced second: a failure in between leaves the user with two sessions, never none.
        return repository.save(session, lifetime)
                .thenCompose(saved -> events.publish(created))
                .thenCompose(published -> request.replacesSessionId() == null
                        ? completedFuture(false)
                        : end(request.realm(), request.replacesSessionId(), EndReason.REPLACED))
                .thenApply(replaced -> session);
    }

    /** "Not found" covers unknown, expired and other-realm sessions alike: the caller cannot tell them apart. */
    public CompletionStage<Optional<SsoSession>> find(String realm, String id) {
        if (isBlank(realm) || isBlank(id)) {
            return completedFuture(Optional.empty());
        }
        Instant now = clock.instant();
        return repository.find(id).thenApply(found -> found
                .filter(session -> session.belongsTo(realm))
                .filter(session -> session.liveAt(now))
                .map(session -> session.withResultsValidAt(now)));
    }

    /** The live sessions of {@code subject} in {@code realm}, oldest sign-in first. */
    public CompletionStage<List<SsoSession>> list(String realm, String subject) {
        if (isBlank(realm) || isBlank(subject)) {
            throw new InvalidRequestException("realm and subject are required");
        }
        Instant now = clock.instant();
        return repository.findBySubject(realm, subject).thenApply(found -> found.stream()
                .filter(session -> session.belongsTo(realm) && session.subject().equals(subject))
                .filter(session -> session.liveAt(now))
                .map(session -> session.withResultsValidAt(now))
                .sorted(Comparator.comparing(SsoSession::authTime))
                .toList());
    }

    /** @return true when this call ended the session (and published {@code session.ended}) */
    public CompletionStage<Boolean> end(String realm, String id, String reason) {
        EndReason parsed = EndReason.parse(reason);
        return end(realm, id, parsed);
    }

    private CompletionStage<Boolean> end(String realm, String id, EndReason reason) {
        return find(realm, id).thenCompose(found -> found
                .map(session -> endAndPublish(session, reason))
                .orElseGet(() -> completedFuture(false)));
    }

    private CompletionStage<Boolean> endAndPublish(SsoSession session, EndReason reason) {
        Instant now = clock.instant();
        var ended = new SessionEvent.Ended(UUID.randomUUID().toString(), now, session.realm(),
                SessionIds.sid(session.id()), session.subject(), reason.wireName());
        // Only the caller whose delete removed the key publishes, so concurrent ends yield one event.
        return repository.delete(session).thenCompose(deleted -> {
            if (!deleted) {
                return completedFuture(false);
            }
            CompletionStage<Void> forgotten = reason.forgetsRememberedResults()
                    ? forgetMarkers.set(session.realm(), session.subject(), now, nodeResultMaxTtl)
                    : completedFuture(null);
            return forgotten.thenCompose(done -> events.publish(ended)).thenApply(published -> true);
        });
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
