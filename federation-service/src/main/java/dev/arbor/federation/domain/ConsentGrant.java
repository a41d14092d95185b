package dev.arbor.federation.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user's remembered "yes" to a client: the scopes the user let the client have, until
 * {@code expiresAt} or until the user (or an admin) revokes it. There is at most one per realm,
 * subject and client; remembering more scopes widens it.
 */
public record ConsentGrant(String realm, String subject, String clientId, Set<String> scopes, Instant grantedAt,
                           Instant expiresAt) {
    public ConsentGrant {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(grantedAt, "grantedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        scopes = Set.copyOf(new TreeSet<>(scopes));
    }

    /** Whether this grant answers a request for {@code requested} at {@code now} without asking the user. */
    public boolean covers(Collection<String> requested, Instant now) {
        return now.isBefore(expiresAt) && scopes.containsAll(requested);
    }

    /** The scopes in a stable order, for storage. */
    public List<String> sortedScopes() {
        return List.copyOf(new TreeSet<>(scopes));
    }
}
