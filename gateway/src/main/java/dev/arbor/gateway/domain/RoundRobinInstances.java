package dev.arbor.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Which instance of one upstream serves the next request: round robin over the instances, skipping
 * those marked down (passive health: an instance that refused a connection is left alone for
 * {@code downFor}, then tried again). When every instance is down the rotation goes on regardless:
 * refusing without trying would turn a short outage into a longer one.
 *
 * <p>Instances are numbered 0..n-1 in the order of the configuration; the number, not the URL, is what
 * metrics and logs show (bounded cardinality).
 */
public final class RoundRobinInstances {

    private final int count;
    private final Duration downFor;
    private final InstantSource clock;
    private final AtomicLong turn = new AtomicLong();
    private final AtomicReferenceArray<Instant> downUntil;

    public RoundRobinInstances(int count, Duration downFor, InstantSource clock) {
        if (count < 1) {
            throw new IllegalArgumentException("an upstream needs at least one instance");
        }
        this.count = count;
        this.downFor = downFor;
        this.clock = clock;
        Instant[] none = new Instant[count];
        Arrays.fill(none, Instant.MIN);
        this.downUntil = new AtomicReferenceArray<>(none);
    }

    /** How many instances the upstream has. */
    public int count() {
        return count;
    }

    /** The next instance in turn that is not marked down, or simply the next one if all are down. */
    public int next() {
        int first = Math.floorMod(turn.getAndIncrement(), count);
        for (int step = 0; step < count; step++) {
            int candidate = (first + step) % count;
            if (!isDown(candidate)) {
                return candidate;
            }
        }
        return first;
    }

    /** Another instance than {@code failed} that is not marked down, for one retry; empty if there is none. */
    public OptionalInt nextAfter(int failed) {
        for (int step = 1; step < count; step++) {
            int candidate = (failed + step) % count;
            if (!isDown(candidate)) {
                return OptionalInt.of(candidate);
            }
        }
        return OptionalInt.empty();
    }

    /** Takes {@code instance} out of the rotation for {@code downFor}. */
    public void markDown(int instance) {
        downUntil.set(instance, clock.instant().plus(downFor));
    }

    /** Whether {@code instance} is out of the rotation now. */
    public boolean isDown(int instance) {
        return clock.instant().isBefore(downUntil.get(instance));
    }
}
