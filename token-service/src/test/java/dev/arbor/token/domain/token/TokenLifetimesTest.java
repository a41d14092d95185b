package dev.arbor.token.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenLifetimesTest {
    private final TokenLifetimes lifetimes =
            new TokenLifetimes(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofHours(1));

    @Test
    void noRequestedLifetimeGivesTheConfiguredDefault() {
        assertEquals(Duration.ofMinutes(5), lifetimes.accessTokenFor(0));
    }

    @Test
    void aShorterOrEqualRequestedLifetimeIsKept() {
        assertEquals(Duration.ofMinutes(30), lifetimes.accessTokenFor(1800));
        assertEquals(Duration.ofHours(1), lifetimes.accessTokenFor(3600));
    }

    @Test
    void aLifetimeLongerThanTheLongestIsCutSoARetiredKeyNeverLeavesTheJwksBeforeItsTokensExpire() {
        assertEquals(Duration.ofHours(1), lifetimes.accessTokenFor(Duration.ofDays(30).toSeconds()));
    }
}
