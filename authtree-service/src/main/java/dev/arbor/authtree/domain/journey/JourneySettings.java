package dev.arbor.authtree.domain.journey;

import java.time.Duration;
import java.util.List;

/**
 * Journey limits: how long journey state and sessions live, how many node visits a journey may make, the
 * URL a journey without a login flow sends the browser to, and the amr values of a session.
 */
public record JourneySettings(Duration journeyTtl, Duration sessionTtl, int maxSteps, String defaultSuccessUrl,
        List<String> amr) {
    public JourneySettings {
        amr = List.copyOf(amr);
    }
}
