package dev.arbor.federation.adapter.out.postgres;

import dev.arbor.federation.port.InitialAccessTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link InitialAccessTokens} in PostgreSQL. A use is counted by one guarded {@code UPDATE}: the row
 * lock PostgreSQL takes re-checks {@code uses < max_uses} and the expiry against the latest version of
 * the row, so two registrations racing for the last use cannot both win. Tokens expired for a day are
 * dropped whenever a new one is issued.
 */
@ApplicationScoped
public class PanacheInitialAccessTokens implements InitialAccessTokens {
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private final Clock clock;

    public PanacheInitialAccessTokens(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Void> issue(String realm, String tokenHash, Instant expiresAt, int maxUses) {
        return Panache.withTransaction(() -> InitialAccessTokenEntity.delete("expiresAt < ?1",
                        clock.instant().minus(KEEP_EXPIRED))
                .chain(() -> {
                    InitialAccessTokenEntity token = new InitialAccessTokenEntity();
                    token.realm = realm;
                    token.tokenHash = tokenHash;
                    token.expiresAt = expiresAt;
                    token.maxUses = maxUses;
                    return token.persist();
                })
                .replaceWithVoid());
    }

    @Override
    public Uni<Boolean> consume(String realm, String tokenHash, Instant now) {
        return Panache.withTransaction(() -> InitialAccessTokenEntity.update(
                        "uses = uses + 1 where realm = ?1 and tokenHash = ?2 and expiresAt > ?3 and uses < maxUses",
                        realm, tokenHash, now))
                .map(updated -> updated == 1);
    }
}
