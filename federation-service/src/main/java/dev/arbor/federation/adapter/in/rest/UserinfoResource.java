package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oidc.UserinfoEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** OIDC Core §5.3.1 — UserInfo by GET or POST with a bearer token (RFC 6750 §2.1). */
@Path("/realms/{realm}/oauth2/userinfo")
public class UserinfoResource {
    private final RealmGuard realms;
    private final UserinfoEndpoint endpoint;

    public UserinfoResource(RealmGuard realms, UserinfoEndpoint endpoint) {
        this.realms = realms;
        this.endpoint = endpoint;
    }

    @GET
    public Uni<Response> get(@PathParam("realm") String realm,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return handle(realm, authorization);
    }

    @POST
    public Uni<Response> post(@PathParam("realm") String realm,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return handle(realm, authorization);
    }

    private Uni<Response> handle(String realm, String authorization) {
        return realms.require(realm)
                .chain(v -> endpoint.userinfo(realm, authorization))
                .map(claims -> Response.ok(claims)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .header("Cache-Control", "no-store")
                        .build());
    }
}
