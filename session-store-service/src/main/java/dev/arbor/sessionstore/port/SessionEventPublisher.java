package dev.arbor.sessionstore.port;

import dev.arbor.contracts.events.SessionEvent;
import java.util.concurrent.CompletionStage;

/** Publishes session events; the stage completes when the broker has acknowledged the event. */
public interface SessionEventPublisher {
    CompletionStage<Void> publish(SessionEvent event);
}
