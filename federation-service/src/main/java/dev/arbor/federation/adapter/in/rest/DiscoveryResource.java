package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.port.ClientRepository;
import dev.arbor.federation.protocol.oidc.DiscoveryDocument;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** OpenID Connect Discovery 1.0 §4 — {@code /.well-known/openid-configuration} of a realm's issuer. */
@Path("/realms/{realm}/.well-known/openid-configuration")
public class DiscoveryResource {
    private final RealmGuard realms;
    private final DiscoveryDocument discovery;
    private final ClientRepository clients;

    public DiscoveryResource(RealmGuard realms, DiscoveryDocument discovery, ClientRepository clients) {
        this.realms = realms;
        this.discovery = discovery;
        this.clients = clients;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> configuration(@PathParam("realm") String realm) {
        return realms.require(realm)
                .chain(v -> clients.registrationPolicy(realm))
                .map(policy -> discovery.forRealm(realm, policy.mode()));
    }
}
