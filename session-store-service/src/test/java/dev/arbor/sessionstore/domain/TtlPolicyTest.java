package dev.arbor.sessionstore.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TtlPolicyTest {
    private final TtlPolicy policy = new TtlPolicy(Duration.ofMinutes(30));

    @Test
    void requestedTtlBelowMaximumIsKept() {
        assertEquals(Duration.ofSeconds(60), policy.apply(60));
    }

    @Test
    void requestedTtlAboveMaximumIsCappedToMaximum() {
        assertEquals(Duration.ofMinutes(30), policy.apply(Duration.ofDays(7).toSeconds()));
    }

    @Test
    void zeroOrNegativeTtlMeansMaximum() {
        assertEquals(Duration.ofMinutes(30), policy.apply(0));
        assertEquals(Duration.ofMinutes(30), policy.apply(-5));
    }

    @Test
    void nonPositiveMaximumIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TtlPolicy(Duration.ZERO));
    }
}
