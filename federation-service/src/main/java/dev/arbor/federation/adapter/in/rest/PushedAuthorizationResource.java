package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oauth2.PushedAuthorizationEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** RFC 9126 §2 — the pushed authorization request endpoint; 201 with the request_uri (§2.2), never cached. */
@Path("/realms/{realm}/oauth2/par")
public class PushedAuthorizationResource {
    private final RealmGuard realms;
    private final PushedAuthorizationEndpoint endpoint;

    public PushedAuthorizationResource(RealmGuard realms, PushedAuthorizationEndpoint endpoint) {
        this.realms = realms;
        this.endpoint = endpoint;
    }

    @POST
    @Consumes(MediaType.WILDCARD) // any body: Forms turns a non-form into invalid_request, not 415
    public Uni<Response> push(@PathParam("realm") String realm,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return realms.require(realm)
                .chain(v -> endpoint.push(realm, authorization, Forms.parse(contentType, body)))
                .map(pushed -> Response.status(Response.Status.CREATED)
                        .entity(Map.of("request_uri", pushed.requestUri(), "expires_in", pushed.expiresIn()))
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .header("Cache-Control", "no-store")
                        .build());
    }
}
