package dev.arbor.federation.adapter.in.startup;

import dev.arbor.federation.domain.RevokedTokens;
import dev.arbor.federation.port.RevocationGateway;
import io.quarkus.vertx.http.HttpServerStart;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Fills the deny-set at start-up with every revocation still in force ({@code ListRevocations}), so a
 * fresh replica refuses tokens revoked before it started even if their events are no longer on the
 * topic. Retried with back-off until token-service answers; the replica is not ready before that.
 */
@Readiness
@ApplicationScoped
public class RevocationBootstrap implements AsyncHealthCheck {
    private static final Logger LOG = Logger.getLogger(RevocationBootstrap.class);
    static final String CHECK = "token revocations loaded";

    private final RevocationGateway revocations;
    private final RevokedTokens revoked;
    private final AtomicBoolean loaded = new AtomicBoolean();

    public RevocationBootstrap(RevocationGateway revocations, RevokedTokens revoked) {
        this.revocations = revocations;
        this.revoked = revoked;
    }

    /**
     * Starts once the server listens: gRPC shares the HTTP server, and a call made on a client channel
     * before then can leave that channel in connection back-off (in tests the peer fakes live on this
     * very server).
     */
    void onStart(@ObservesAsync HttpServerStart event) {
        revocations.current("")
                .onFailure().invoke(f -> LOG.infof("revocations not loaded yet (%s); retrying", f.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .subscribe().with(list -> {
                    list.forEach(r -> revoked.revoke(r.getJti(), Instant.ofEpochSecond(r.getExpiresAt())));
                    loaded.set(true);
                    LOG.infof("loaded %d revocation(s) in force", list.size());
                });
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(HealthCheckResponse.named(CHECK).status(loaded.get()).build());
    }
}
