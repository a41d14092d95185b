package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.port.ClientRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Admin API: the relying parties of a realm, without their secrets. */
@Path("/admin/realms/{realm}/clients")
public class AdminClientsResource {
    private final AdminAuthorization admin;
    private final RealmGuard realms;
    private final ClientRepository clients;

    public AdminClientsResource(AdminAuthorization admin, RealmGuard realms, ClientRepository clients) {
        this.admin = admin;
        this.realms = realms;
        this.clients = clients;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<ClientView>> list(@PathParam("realm") String realm,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return admin.require(authorization)
                .chain(v -> realms.require(realm))
                .chain(v -> clients.listClients(realm))
                .map(list -> list.stream().map(ClientView::of).toList());
    }

    /** What an administrator sees of a client: everything but the secret's hash. */
    public record ClientView(String clientId, String name, String type, List<String> redirectUris,
                             List<String> grantTypes, List<String> scopes) {
        static ClientView of(Client c) {
            return new ClientView(c.clientId(), c.name(), c.type().value(), c.redirectUris(), c.grantTypes(),
                    c.scopes());
        }
    }
}
