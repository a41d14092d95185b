package dev.arbor.authtree.port;

import dev.arbor.contracts.events.JourneyEvent;

/**
 * Journey events on {@code arbor.journey.v1} (and the journey metrics derived from them). Best effort:
 * an implementation never blocks a journey on the broker and never throws; a lost event is logged and
 * counted. Events carry no secret (no typed value, session id or authId).
 */
public interface JourneyEventPublisher {
    JourneyEventPublisher NONE = event -> {
    };

    void publish(JourneyEvent event);
}
