package dev.arbor.token.adapter.in.scheduler;

import dev.arbor.token.config.ArborConfig;
import dev.arbor.token.port.RefreshTokenRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Deletes refresh-token families that ended more than {@code arbor.token.refresh-token-retention} ago,
 * in batches, so the tables hold live families plus a day of history instead of growing forever. Every
 * replica runs it; the deletes are idempotent, so two at once only share the work.
 */
@ApplicationScoped
public class RefreshTokenPurge {
    static final int BATCH = 1000;
    private static final Logger LOG = Logger.getLogger(RefreshTokenPurge.class);

    private final RefreshTokenRepository repository;
    private final Clock clock;
    private final Duration retention;
    private final Counter purged;

    public RefreshTokenPurge(RefreshTokenRepository repository, Clock clock, ArborConfig config, MeterRegistry meters) {
        this.repository = repository;
        this.clock = clock;
        this.retention = config.token().refreshTokenRetention();
        this.purged = Counter.builder("arbor_token_refresh_families_purged")
                .description("Ended refresh-token families deleted after their retention").register(meters);
    }

    @Scheduled(every = "${arbor.token.refresh-token-purge-interval:PT1H}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    CompletionStage<Void> scheduled() {
        return run().handle((count, failure) -> {
            if (failure != null) {
                LOG.warnf("refresh-token purge failed, next run retries: %s", failure.getMessage());
            } else if (count > 0) {
                LOG.infof("refresh-token purge deleted %d ended families", count);
            }
            return null;
        });
    }

    /** Deletes every family that ended before now minus the retention; answers how many. */
    public CompletionStage<Integer> run() {
        return purgeFrom(clock.instant().minus(retention), 0);
    }

    private CompletionStage<Integer> purgeFrom(Instant endedBefore, int sofar) {
        return repository.purgeEnded(endedBefore, BATCH).thenCompose(deleted -> {
            purged.increment(deleted);
            return deleted < BATCH ? CompletableFuture.completedFuture(sofar + deleted)
                    : purgeFrom(endedBefore, sofar + deleted);
        });
    }
}
