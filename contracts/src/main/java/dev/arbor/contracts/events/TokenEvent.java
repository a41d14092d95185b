package dev.arbor.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Events of {@link Topics#TOKEN}. The JSON carries {@code "type": "token.revoked"}; the record key
 * on the topic is the token's {@code jti}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TokenEvent.Revoked.class, name = TokenEvent.REVOKED)
})
public sealed interface TokenEvent extends ArborEvent {
    String REVOKED = "token.revoked";

    String realm();

    /**
     * An access token was revoked (RFC 7009, or a replayed authorization code, RFC 6749 §4.1.2).
     * Every verifier refuses the token with this {@code jti} until {@code expiresAt}, after which the
     * token is refused for having expired anyway.
     */
    record Revoked(String id, Instant occurredAt, String realm, String jti, Instant expiresAt, String clientId)
            implements TokenEvent {
        @Override
        @JsonIgnore
        public String type() {
            return REVOKED;
        }
    }
}
