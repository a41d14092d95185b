package dev.arbor.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Events of {@link Topics#JOURNEY}, published by authtree-service so a funnel can be drawn per tree and
 * per node. The record key on the topic is the journey id, so one journey's events stay in order. No
 * event ever carries a secret: no typed value, no session id, no authId; {@code subject} is the identity's
 * id, known only once a node established it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JourneyEvent.Started.class, name = JourneyEvent.STARTED),
        @JsonSubTypes.Type(value = JourneyEvent.NodeCompleted.class, name = JourneyEvent.NODE_COMPLETED),
        @JsonSubTypes.Type(value = JourneyEvent.Completed.class, name = JourneyEvent.COMPLETED),
        @JsonSubTypes.Type(value = JourneyEvent.Failed.class, name = JourneyEvent.FAILED)
})
public sealed interface JourneyEvent extends ArborEvent {
    String STARTED = "journey.started";
    String NODE_COMPLETED = "journey.node_completed";
    String COMPLETED = "journey.completed";
    String FAILED = "journey.failed";

    String realm();

    String journeyId();

    String tree();

    int treeVersion();

    /** A journey began on {@code tree} version {@code treeVersion}. */
    record Started(String id, Instant occurredAt, String realm, String journeyId, String tree, int treeVersion)
            implements JourneyEvent {
        @Override
        @JsonIgnore
        public String type() {
            return STARTED;
        }
    }

    /**
     * A node left through {@code outcome}. {@code remembered} is true when the engine took a remembered
     * result instead of running the node; {@code micros} is the time the node took in this request.
     */
    record NodeCompleted(String id, Instant occurredAt, String realm, String journeyId, String tree,
                         int treeVersion, String nodeId, String nodeType, String outcome, boolean remembered,
                         long micros) implements JourneyEvent {
        @Override
        @JsonIgnore
        public String type() {
            return NODE_COMPLETED;
        }
    }

    /** The journey reached Success and an SSO session was created for {@code subject}. */
    record Completed(String id, Instant occurredAt, String realm, String journeyId, String tree, int treeVersion,
                     String subject, int steps) implements JourneyEvent {
        @Override
        @JsonIgnore
        public String type() {
            return COMPLETED;
        }
    }

    /**
     * The journey ended without a session. {@code reason}: {@code failure_node} (the tree reached Failure),
     * {@code max_steps}, {@code dependency} (a peer such as script-runner was unreachable: fail closed).
     * {@code nodeId} is the last node that ran; {@code subject} is null when none was established.
     */
    record Failed(String id, Instant occurredAt, String realm, String journeyId, String tree, int treeVersion,
                  String reason, String nodeId, String subject) implements JourneyEvent {
        @Override
        @JsonIgnore
        public String type() {
            return FAILED;
        }
    }
}
