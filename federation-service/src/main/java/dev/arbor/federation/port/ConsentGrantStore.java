package dev.arbor.federation.port;

import dev.arbor.federation.domain.ConsentGrant;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** Remembered consents ({@link ConsentGrant}), one per realm, subject and client. */
public interface ConsentGrantStore {

    Uni<Optional<ConsentGrant>> find(String realm, String subject, String clientId);

    /**
     * Stores the grant. An unexpired grant already stored for the same realm, subject and client keeps
     * its scopes (the new ones are added) and takes the new times.
     */
    Uni<Void> remember(ConsentGrant grant);

    /** Forgets the grant; false when there was none. */
    Uni<Boolean> revoke(String realm, String subject, String clientId);
}
