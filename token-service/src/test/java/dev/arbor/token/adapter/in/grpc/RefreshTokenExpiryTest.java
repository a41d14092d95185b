package dev.arbor.token.adapter.in.grpc;

import static dev.arbor.token.adapter.in.grpc.RefreshTokenGrantTest.assertInvalidGrant;
import static dev.arbor.token.support.TestGrants.codeRequest;
import static dev.arbor.token.support.TestGrants.redeemRequest;
import static dev.arbor.token.support.TestRefresh.refreshPolicy;
import static dev.arbor.token.support.TestRefresh.refreshRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.contracts.token.v1.TokenPolicy;
import dev.arbor.contracts.token.v1.TokenResult;
import dev.arbor.contracts.token.v1.TokenService;
import dev.arbor.contracts.token.v1.Tokens;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import dev.arbor.token.support.MutableClock;
import dev.arbor.token.support.TestGrants.Pkce;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 9700 §4.14.2 idle and absolute refresh-token lifetimes, with the service's clock moved by hand. */
@QuarkusTest
@TestProfile(MutableClock.Profile.class)
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class RefreshTokenExpiryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("token")
    TokenService token;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void refreshAfterTheDefaultIdleLifetimeThenInvalidGrant() {
        Tokens tokens = redeem(refreshPolicy());

        clock.advance(Duration.ofDays(1).plusSeconds(1));

        assertInvalidGrant(refresh(tokens.getRefreshToken()));
    }

    @Test
    void refreshWithinTheClientsIdleLifetimeThenTokensAndAfterItInvalidGrant() {
        TokenPolicy policy = TokenPolicy.newBuilder().setRefreshTokens(true).setRefreshIdleLifetimeSeconds(600).build();
        Tokens first = redeem(policy);
        clock.advance(Duration.ofSeconds(590));
        TokenResult inTime = refresh(first.getRefreshToken(), policy);

        clock.advance(Duration.ofSeconds(601));
        TokenResult late = refresh(inTime.getTokens().getRefreshToken(), policy);

        assertEquals(600, first.getRefreshExpiresIn());
        assertTrue(inTime.hasTokens());
        assertInvalidGrant(late);
    }

    @Test
    void refreshAfterTheAbsoluteLifetimeThenInvalidGrantEvenWhenUsedRegularly() {
        // Given a family that may live two hours, each token one hour unused
        TokenPolicy policy = TokenPolicy.newBuilder().setRefreshTokens(true).setRefreshIdleLifetimeSeconds(3600)
                .setRefreshAbsoluteLifetimeSeconds(7200).build();
        Tokens first = redeem(policy);

        // When it is refreshed every 50 minutes
        clock.advance(Duration.ofMinutes(50));
        Tokens second = refresh(first.getRefreshToken(), policy).getTokens();
        clock.advance(Duration.ofMinutes(50));
        Tokens third = refresh(second.getRefreshToken(), policy).getTokens();
        clock.advance(Duration.ofMinutes(21));

        // Then the last token's idle lifetime is cut at the family's end, and after it nothing is refreshed
        assertEquals(3600, second.getRefreshExpiresIn());
        assertTrue(third.getRefreshExpiresIn() <= 1200 && third.getRefreshExpiresIn() >= 1190,
                "capped at the absolute end, was " + third.getRefreshExpiresIn());
        assertInvalidGrant(refresh(third.getRefreshToken(), policy));
    }

    private Tokens redeem(TokenPolicy policy) {
        Pkce pkce = Pkce.random();
        String code = token.issueAuthorizationCode(codeRequest(pkce).setPolicy(policy).build())
                .await().atMost(WAIT).getCode();
        return token.redeemAuthorizationCode(redeemRequest(code, pkce).build()).await().atMost(WAIT).getTokens();
    }

    private TokenResult refresh(String refreshToken) {
        return token.refreshTokens(refreshRequest(refreshToken).build()).await().atMost(WAIT);
    }

    private TokenResult refresh(String refreshToken, TokenPolicy policy) {
        return token.refreshTokens(refreshRequest(refreshToken).setPolicy(policy).build()).await().atMost(WAIT);
    }
}
