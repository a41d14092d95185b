package dev.arbor.authtree.domain.identity;

import java.util.Map;
import java.util.UUID;

/** One identity of a realm. {@code passwordHash} is an Argon2id PHC string and never leaves the service. */
public record Identity(UUID id, String realm, String username, String passwordHash, Map<String, String> claims) {
    public Identity {
        claims = Map.copyOf(claims);
    }
}
