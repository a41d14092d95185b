package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oauth2.JwksCache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * RFC 7517 §5 — the realm's public signing keys ({@code jwks_uri}, OIDC Discovery §3), from
 * token-service through the in-memory cache; relying parties may cache it for five minutes.
 */
@Path("/realms/{realm}/oauth2/jwks")
public class JwksResource {
    private final RealmGuard realms;
    private final JwksCache jwks;

    public JwksResource(RealmGuard realms, JwksCache jwks) {
        this.realms = realms;
        this.jwks = jwks;
    }

    @GET
    public Uni<Response> keys(@PathParam("realm") String realm) {
        return realms.require(realm).chain(v -> jwks.json(realm)).map(json -> Response.ok(json)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "public, max-age=300")
                .build());
    }
}
