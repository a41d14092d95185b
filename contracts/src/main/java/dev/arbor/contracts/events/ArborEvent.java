package dev.arbor.contracts.events;

import java.time.Instant;

/**
 * What every event on an Arbor topic carries: a unique id (consumers de-duplicate on it, since
 * delivery is at least once), its type named {@code entity.past_tense_verb}, and when it happened.
 */
public interface ArborEvent {
    String id();

    String type();

    Instant occurredAt();
}
