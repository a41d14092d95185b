package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.port.ClientRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/** A realm is known iff it was imported; anything else is 404 problem+json. */
@ApplicationScoped
public class RealmGuard {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ClientRepository clients;

    public RealmGuard(ClientRepository clients) {
        this.clients = clients;
    }

    public Uni<Void> require(String realm) {
        if (realm == null || !NAME.matcher(realm).matches()) {
            return Uni.createFrom().failure(ProblemException.unknownRealm());
        }
        return clients.realmExists(realm).map(exists -> {
            if (!exists) {
                throw ProblemException.unknownRealm();
            }
            return null;
        });
    }
}
