package dev.arbor.token.adapter.in.scheduler;

import static dev.arbor.token.support.TestGrants.codeRequest;
import static dev.arbor.token.support.TestGrants.redeemRequest;
import static dev.arbor.token.support.TestRefresh.refreshPolicy;
import static dev.arbor.token.support.TestRefresh.refreshRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.token.v1.RevokeRefreshTokenRequest;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.contracts.token.v1.Tokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import dev.arbor.token.support.MutableClock;
import dev.arbor.token.support.TestGrants;
import dev.arbor.token.support.TestGrants.Pkce;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ended refresh-token families are deleted once their retention (P1D by default) has passed, and only
 * those: a live family, and an ended one still within its retention, stay and behave as before.
 */
@QuarkusTest
@TestProfile(MutableClock.Profile.class)
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class RefreshTokenPurgeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("token")
    TokenService token;

    @Inject
    MutableClock clock;

    @Inject
    RefreshTokenPurge purge;

    @Inject
    Pool pool;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void familiesIdlePastTheirLastTokenGoAfterTheRetentionLiveOnesStay() throws Exception {
        Tokens old = redeemWithRefresh();
        clock.advance(Duration.ofDays(2).plusHours(1)); // old: idle-expired at +1 d, retention ends at +2 d
        Tokens live = redeemWithRefresh();

        int deleted = purge.run().toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertTrue(deleted >= 1, "at least the old family was deleted, was " + deleted);
        assertEquals(0, tokensWithHashOf(old.getRefreshToken()), "the old family's token is gone with it");
        assertEquals(1, tokensWithHashOf(live.getRefreshToken()));
        assertTrue(token.refreshTokens(refreshRequest(live.getRefreshToken()).build()).await().atMost(WAIT).hasTokens(),
                "the live family still refreshes");
        assertEquals("invalid_grant", token.refreshTokens(refreshRequest(old.getRefreshToken()).build())
                .await().atMost(WAIT).getError().getCode());
    }

    @Test
    void aRevokedFamilyIsKeptForTheRetentionThenDeleted() throws Exception {
        Tokens revoked = redeemWithRefresh();
        token.revokeRefreshToken(RevokeRefreshTokenRequest.newBuilder().setRealm(TestGrants.REALM)
                .setClientId(TestGrants.CLIENT_ID).setRefreshToken(revoked.getRefreshToken()).build())
                .await().atMost(WAIT);

        clock.advance(Duration.ofHours(23));
        purge.run().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(1, tokensWithHashOf(revoked.getRefreshToken()), "still within its retention");

        clock.advance(Duration.ofHours(2));
        purge.run().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(0, tokensWithHashOf(revoked.getRefreshToken()), "deleted once the retention passed");
    }

    private Tokens redeemWithRefresh() {
        Pkce pkce = Pkce.random();
        String code = token.issueAuthorizationCode(codeRequest(pkce).setPolicy(refreshPolicy()).build())
                .await().atMost(WAIT).getCode();
        return token.redeemAuthorizationCode(redeemRequest(code, pkce).build()).await().atMost(WAIT).getTokens();
    }

    private long tokensWithHashOf(String refreshToken) {
        return pool.preparedQuery("SELECT count(*) FROM token.refresh_tokens WHERE hash = $1")
                .execute(Tuple.of(TestGrants.s256(refreshToken))).await().atMost(WAIT).iterator().next().getLong(0);
    }
}
