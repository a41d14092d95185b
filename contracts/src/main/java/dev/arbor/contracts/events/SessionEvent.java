package dev.arbor.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/**
 * Events of {@link Topics#SESSION}. The JSON carries {@code "type": "session.created"} (or
 * {@code session.ended}); the record key on the topic is the session's public sid, so one session's
 * events stay in order. The session id itself (the cookie value) is never on the topic.
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

    /** The session's public sid ({@link dev.arbor.contracts.session.SessionIds}), never its cookie value. */
    String sid();

    /** An SSO session began after a successful journey. */
    record Created(String id, Instant occurredAt, String realm, String sid, String subject,
                   String acr, List<String> amr, Instant expiresAt) implements SessionEvent {
        @Override
        @JsonIgnore
        public String type() {
            return CREATED;
        }
    }

    /** An SSO session ended: logout, expiry seen on access, or an administrator. */
    record Ended(String id, Instant occurredAt, String realm, String sid, String subject,
                 String reason) implements SessionEvent {
        @Override
        @JsonIgnore
        public String type() {
            return ENDED;
        }
    }
}
