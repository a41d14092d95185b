package dev.arbor.authtree.domain.journey;

import java.time.Instant;

/** The claims of a step's {@code authId}: which journey, in which realm, at which stored version, until when. */
public record AuthId(String journeyId, String realm, long version, Instant expiresAt) {
}
