package dev.arbor.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RoundRobinInstancesTest {

    private static final Duration DOWN_FOR = Duration.ofSeconds(5);

    private Instant now = Instant.parse("2026-11-26T12:00:00Z");
    private final InstantSource clock = () -> now;

    @Test
    void nextWhenAllUpThenInstancesTakeTurns() {
        var instances = new RoundRobinInstances(3, DOWN_FOR, clock);

        assertEquals(List.of(0, 1, 2, 0, 1, 2), take(instances, 6));
    }

    @Test
    void nextWhenSingleInstanceThenAlwaysIt() {
        var instances = new RoundRobinInstances(1, DOWN_FOR, clock);

        assertEquals(List.of(0, 0, 0), take(instances, 3));
        assertEquals(OptionalInt.empty(), instances.nextAfter(0));
    }

    @Test
    void nextWhenOneMarkedDownThenSkippedUntilDownForHasPassed() {
        var instances = new RoundRobinInstances(2, DOWN_FOR, clock);
        instances.markDown(1);

        assertEquals(List.of(0, 0, 0, 0), take(instances, 4));
        assertTrue(instances.isDown(1));

        now = now.plus(DOWN_FOR);

        assertFalse(instances.isDown(1));
        assertEquals(List.of(0, 1, 0, 1), take(instances, 4));
    }

    @Test
    void nextWhenAllDownThenRotationGoesOn() {
        var instances = new RoundRobinInstances(2, DOWN_FOR, clock);
        instances.markDown(0);
        instances.markDown(1);

        assertEquals(List.of(0, 1, 0), take(instances, 3));
    }

    @Test
    void nextAfterWhenFailedThenAnotherInstanceThatIsNotDown() {
        var instances = new RoundRobinInstances(3, DOWN_FOR, clock);
        instances.markDown(1);

        assertEquals(OptionalInt.of(2), instances.nextAfter(1));
        assertEquals(OptionalInt.of(2), instances.nextAfter(0));
        instances.markDown(2);
        assertEquals(OptionalInt.empty(), instances.nextAfter(0));
    }

    @Test
    void constructWhenNoInstanceThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RoundRobinInstances(0, DOWN_FOR, clock));
    }

    private static List<Integer> take(RoundRobinInstances instances, int n) {
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(instances.next());
        }
        return picked;
    }
}
