package dev.arbor.federation.support;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Replaces the application's {@link Clock} with one {@link ManualClock} that tests move by hand. An
 * alternative without a priority: only a test profile that selects it
 * ({@code QuarkusTestProfile#getEnabledAlternatives}) gets it; every other test keeps the system clock.
 */
@Alternative
@Singleton
public class ManualAppClock {
    public static final ManualClock CLOCK = new ManualClock(Instant.now());

    @Produces
    @Alternative
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
