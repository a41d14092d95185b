package dev.arbor.federation.protocol.oidc;

import dev.arbor.federation.config.LogoutConfig;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.port.BackchannelLogoutTransport;
import dev.arbor.federation.port.BackchannelLogoutTransport.Delivery;
import dev.arbor.federation.port.ClientRepository;
import dev.arbor.federation.port.LogoutParticipants;
import dev.arbor.federation.port.LogoutTokenGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * OpenID Connect Back-Channel Logout 1.0 §2.5 — when a session ends (logout, administrator, expiry; not
 * "replaced", which is the same login going on under a new id), every participant with a
 * {@code backchannel_logout_uri} gets a logout token from token-service by POST. A 5xx, a timeout or no
 * connection is retried after each of {@code arbor.logout.backchannel-retry-delays}; then the RP is
 * given up on, logged and counted ({@code arbor_federation_backchannel_logout_total{result}}: delivered,
 * rejected — the RP answered 4xx — or failed). The participants are forgotten afterwards.
 */
@ApplicationScoped
public class BackchannelLogout {
    private static final Logger LOG = Logger.getLogger(BackchannelLogout.class);
    static final String METRIC = "arbor.federation.backchannel.logout";
    /** session-store's reason for a session replaced by a step-up of the same login. */
    static final String REPLACED = "replaced";

    private final LogoutParticipants participants;
    private final ClientRepository clients;
    private final LogoutTokenGateway logoutTokens;
    private final BackchannelLogoutTransport transport;
    private final MeterRegistry metrics;
    private final List<Duration> delays;

    public BackchannelLogout(LogoutParticipants participants, ClientRepository clients,
                             LogoutTokenGateway logoutTokens, BackchannelLogoutTransport transport,
                             MeterRegistry metrics, LogoutConfig config) {
        this.participants = participants;
        this.clients = clients;
        this.logoutTokens = logoutTokens;
        this.transport = transport;
        this.metrics = metrics;
        this.delays = config.backchannelRetryDelays().isEmpty() ? List.of(Duration.ZERO)
                : List.copyOf(config.backchannelRetryDelays());
    }

    /** Tells every back-channel participant of the session; completes when each was delivered or given up. */
    public Uni<Void> sessionEnded(String realm, String sessionId, String subject, String reason) {
        if (REPLACED.equals(reason) || realm == null || realm.isEmpty() || sessionId == null || sessionId.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return participants.of(realm, sessionId)
                .chain(ids -> Multi.createFrom().iterable(ids.stream().sorted().toList())
                        .onItem().transformToUniAndConcatenate(id -> clients.findClient(realm, id))
                        .collect().asList())
                .map(found -> found.stream().flatMap(Optional::stream)
                        .filter(c -> c.logout().backchannelLogoutUri().isPresent()).toList())
                .chain(targets -> targets.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.join().all(targets.stream().map(c -> deliver(c, sessionId, subject)).toList())
                                .andCollectFailures().replaceWithVoid())
                .chain(() -> participants.forget(realm, sessionId));
    }

    private Uni<Void> deliver(Client client, String sessionId, String subject) {
        String uri = client.logout().backchannelLogoutUri().orElseThrow();
        return attempt(client, uri, sessionId, subject, 0).invoke(result -> {
            metrics.counter(METRIC, "result", result).increment();
            if (!"delivered".equals(result)) {
                LOG.warnf("back-channel logout of client %s in realm %s %s after %s", client.clientId(),
                        client.realm(), "rejected".equals(result) ? "was refused by the RP" : "gave up",
                        "rejected".equals(result) ? "one attempt" : delays.size() + " attempts");
            }
        }).replaceWithVoid();
    }

    /** One attempt after {@code delays[index]}; a fresh logout token each time (a short-lived jti). */
    private Uni<String> attempt(Client client, String uri, String sessionId, String subject, int index) {
        Duration delay = delays.get(index);
        Uni<Void> wait = delay.isZero() ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(delay);
        return wait
                .chain(() -> logoutTokens.issue(client.realm(), client.clientId(), subject, sessionId,
                        client.tokenSigningAlg()))
                .chain(token -> transport.post(uri, token))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("no logout token for client %s: %s", client.clientId(), failure.getClass().getSimpleName());
                    return Delivery.RETRYABLE;
                })
                .chain(delivery -> switch (delivery) {
                    case DELIVERED -> Uni.createFrom().item("delivered");
                    case REJECTED -> Uni.createFrom().item("rejected");
                    case RETRYABLE -> index + 1 < delays.size()
                            ? attempt(client, uri, sessionId, subject, index + 1)
                            : Uni.createFrom().item("failed");
                });
    }
}
