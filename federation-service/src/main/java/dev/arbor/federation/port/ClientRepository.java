package dev.arbor.federation.port;

import dev.arbor.federation.domain.BrowserOrigins;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.RealmDefinition;
import dev.arbor.federation.domain.RegistrationPolicy;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/** The relying parties of each realm. A realm exists iff it was imported. */
public interface ClientRepository {
    Uni<Boolean> realmExists(String realm);

    Uni<Optional<Client>> findClient(String realm, String clientId);

    Uni<List<Client>> listClients(String realm);

    /** The realm's dynamic client registration policy ({@link RegistrationPolicy#CLOSED} for an unknown realm). */
    Uni<RegistrationPolicy> registrationPolicy(String realm);

    /** The browser origins the realm's token, userinfo and revocation endpoints answer CORS for. */
    default Uni<BrowserOrigins> browserOrigins(String realm) {
        return listClients(realm).map(BrowserOrigins::of);
    }

    /** Creates or updates the realm and its clients; importing the same definition twice changes nothing. */
    Uni<Void> importRealm(RealmDefinition realm);
}
