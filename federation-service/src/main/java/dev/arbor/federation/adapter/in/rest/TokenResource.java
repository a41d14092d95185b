package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oauth2.TokenEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** RFC 6749 §3.2 — the token endpoint; responses are never cached (§5.1: {@code Cache-Control: no-store}). */
@Path("/realms/{realm}/oauth2/token")
public class TokenResource {
    private final RealmGuard realms;
    private final TokenEndpoint endpoint;

    public TokenResource(RealmGuard realms, TokenEndpoint endpoint) {
        this.realms = realms;
        this.endpoint = endpoint;
    }

    @POST
    @Consumes(MediaType.WILDCARD) // any body: Forms turns a non-form into invalid_request, not 415
    public Uni<Response> token(@PathParam("realm") String realm,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return realms.require(realm)
                .chain(v -> endpoint.token(realm, authorization, Forms.parse(contentType, body)))
                .map(tokens -> Response.ok(tokens)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .header("Cache-Control", "no-store")
                        .header("Pragma", "no-cache")
                        .build());
    }
}
