package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oauth2.IntrospectionEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** RFC 7662 §2 — the introspection endpoint; answers are never cached (§4). */
@Path("/realms/{realm}/oauth2/introspect")
public class IntrospectionResource {
    private final RealmGuard realms;
    private final IntrospectionEndpoint endpoint;

    public IntrospectionResource(RealmGuard realms, IntrospectionEndpoint endpoint) {
        this.realms = realms;
        this.endpoint = endpoint;
    }

    @POST
    @Consumes(MediaType.WILDCARD) // any body: Forms turns a non-form into invalid_request, not 415
    public Uni<Response> introspect(@PathParam("realm") String realm,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                    @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return realms.require(realm)
                .chain(v -> endpoint.introspect(realm, authorization, Forms.parse(contentType, body)))
                .map(answer -> Response.ok(answer)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .header("Cache-Control", "no-store")
                        .build());
    }
}
