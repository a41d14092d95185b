package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oauth2.RevocationEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** RFC 7009 §2 — the revocation endpoint: 200 with an empty body (§2.2) whether or not anything was revoked. */
@Path("/realms/{realm}/oauth2/revoke")
public class RevocationResource {
    private final RealmGuard realms;
    private final RevocationEndpoint endpoint;

    public RevocationResource(RealmGuard realms, RevocationEndpoint endpoint) {
        this.realms = realms;
        this.endpoint = endpoint;
    }

    @POST
    @Consumes(MediaType.WILDCARD) // any body: Forms turns a non-form into invalid_request, not 415
    public Uni<Response> revoke(@PathParam("realm") String realm,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return realms.require(realm)
                .chain(v -> endpoint.revoke(realm, authorization, Forms.parse(contentType, body)))
                .map(v -> Response.ok().header("Cache-Control", "no-store").build());
    }
}
