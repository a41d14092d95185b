package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.port.ConsentGrantStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Revokes a user's remembered consent to a client (docs/guides/consent.md): the next authorization
 * request of that client that needs consent asks the user again. Tokens already issued are not touched
 * (revoke them at {@code /oauth2/revoke}). 204 when a grant was forgotten, 404 when there was none.
 */
@Path("/admin/realms/{realm}/consents/{subject}/{clientId}")
public class AdminConsentsResource {
    private final AdminAuthorization admin;
    private final RealmGuard realms;
    private final ConsentGrantStore grants;

    public AdminConsentsResource(AdminAuthorization admin, RealmGuard realms, ConsentGrantStore grants) {
        this.admin = admin;
        this.realms = realms;
        this.grants = grants;
    }

    @DELETE
    public Uni<Response> revoke(@PathParam("realm") String realm, @PathParam("subject") String subject,
                                @PathParam("clientId") String clientId,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return admin.require(authorization)
                .chain(v -> realms.require(realm))
                .chain(v -> grants.revoke(realm, subject, clientId))
                .map(revoked -> revoked ? Response.noContent().build()
                        : Problem.of(404, "Not Found", "This user has no remembered consent to this client.")
                                .toResponse());
    }
}
