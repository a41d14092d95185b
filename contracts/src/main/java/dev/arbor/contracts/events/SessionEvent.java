package dev.arbor.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/**
 * Events of {@link Topics#SESSION}. The JSON carries {@code "type": "session.created"} (or
 * {@code session.ended}); the record key on the topic is the session id, so one session's events
 * stay in order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SessionEvent.Created.class, name = SessionEvent.CREATED),
        @JsonSubTypes.Type(value = SessionEvent.Ended.class, name = SessionEvent.ENDED)
})
public sealed interface SessionEvent extends ArborEvent {
    String CREATED = "session.created";
    String ENDED = "session.ended";

    String realm();

    String sessionId();

    /** An SSO session began after a successful journey. */
    record Created(String id, Instant occurredAt, String realm, String sessionId, String subject,
                   String acr, List<String> amr, Instant expiresAt) implements SessionEvent {
        @Override
        @JsonIgnore
        public String type() {
            return CREATED;
        }
    }

    /** An SSO session ended: logout, expiry seen on access, or an administrator. */
    record Ended(String id, Instant occurredAt, String realm, String sessionId, String subject,
                 String reason) implements SessionEvent {
        @Override
        @JsonIgnore
        public String type() {
            return ENDED;
        }
    }
}
