package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.support.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeResponse;
import dev.arbor.contracts.token.v1.IssueClientCredentialsTokenRequest;
import dev.arbor.contracts.token.v1.RedeemAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.RefreshTokensRequest;
import dev.arbor.contracts.token.v1.TokenResult;
import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.port.TokenGateway;
import dev.arbor.federation.support.TestKeys;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JwksCacheTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Counts GetJwks calls; can be made to fail like an unreachable token-service. */
    static final class CountingTokenGateway implements TokenGateway {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public Uni<String> jwks(String realm) {
            calls.incrementAndGet();
            return down.get() ? Uni.createFrom().failure(new IllegalStateException("unreachable"))
                    : Uni.createFrom().item(TestKeys.jwksJson());
        }

        @Override
        public Uni<IssueAuthorizationCodeResponse> issueAuthorizationCode(IssueAuthorizationCodeRequest r) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<TokenResult> redeemAuthorizationCode(RedeemAuthorizationCodeRequest r) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<TokenResult> issueClientCredentialsToken(IssueClientCredentialsTokenRequest r) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Uni<TokenResult> refreshTokens(RefreshTokensRequest r) {
            throw new UnsupportedOperationException();
        }
    }


    private final CountingTokenGateway tokens = new CountingTokenGateway();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final JwksCache cache = new JwksCache(tokens, clock, config(Duration.ofMinutes(1), Duration.ofSeconds(10)));

    @Test
    void setIsServedFromMemoryUntilItsTtlPasses() {
        cache.json("demo").await().atMost(WAIT);
        cache.json("demo").await().atMost(WAIT);
        assertEquals(1, tokens.calls.get());

        clock.advance(Duration.ofMinutes(1));
        cache.json("demo").await().atMost(WAIT);
        assertEquals(2, tokens.calls.get());
    }

    @Test
    void unknownKidRefetchesAtMostOncePerInterval() {
        cache.keysFor("demo", "test-key-1").await().atMost(WAIT);
        cache.keysFor("demo", "forged-kid").await().atMost(WAIT); // within 10 s of the fetch: no refetch
        assertEquals(1, tokens.calls.get());

        clock.advance(Duration.ofSeconds(11));
        cache.keysFor("demo", "forged-kid").await().atMost(WAIT);
        cache.keysFor("demo", "forged-kid").await().atMost(WAIT);
        assertEquals(2, tokens.calls.get());
    }

    @Test
    void lastSetIsKeptWhileTokenServiceIsUnreachable() {
        cache.json("demo").await().atMost(WAIT);
        tokens.down.set(true);
        clock.advance(Duration.ofMinutes(5));

        assertEquals(TestKeys.jwksJson(), cache.json("demo").await().atMost(WAIT));
        assertThrows(IllegalStateException.class, () -> cache.json("other").await().atMost(WAIT));
    }

    private static ArborConfig config(Duration ttl, Duration refetch) {
        ArborConfig.Federation federation = new ArborConfig.Federation() {
            @Override
            public String clientSecretPepper() {
                return "p";
            }

            @Override
            public String samlKeyEncryptionKey() {
                return "unused";
            }

            @Override
            public Duration loginFlowTtl() {
                return Duration.ofMinutes(10);
            }

            @Override
            public Duration jwksCacheTtl() {
                return ttl;
            }

            @Override
            public Duration jwksRefetchInterval() {
                return refetch;
            }

            @Override
            public Duration jwksMaxAge() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration endedSessionRetention() {
                return Duration.ofHours(1);
            }

            @Override
            public int endedSessionCapacity() {
                return 10;
            }

            @Override
            public int revokedTokenCapacity() {
                return 10;
            }

            @Override
            public Duration clientAssertionMaxLifetime() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration clientAssertionClockSkew() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration clientCacheTtl() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration clientCacheNegativeTtl() {
                return Duration.ofSeconds(30);
            }

            @Override
            public long clientCacheMaxSize() {
                return 10;
            }

            @Override
            public Duration consentLifetime() {
                return Duration.ofDays(365);
            }

            @Override
            public Duration peerHealthTimeout() {
                return Duration.ofSeconds(2);
            }
        };
        return new ArborConfig() {
            @Override
            public String publicUrl() {
                return "http://localhost:8080";
            }

            @Override
            public Realms realms() {
                return () -> "unused";
            }

            @Override
            public Redis redis() {
                return () -> "unused:";
            }

            @Override
            public Federation federation() {
                return federation;
            }
        };
    }
}
