package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.protocol.oauth2.JwksCache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * RFC 7517 §5 — the realm's public signing keys ({@code jwks_uri}, OIDC Discovery §3), from
 * token-service through the in-memory cache; relying parties may cache it for
 * {@code arbor.federation.jwks-max-age} (RFC 9111 §5.2.2.1), less than the time token-service
 * publishes a rotated-in key before it signs with it.
 */
@Path("/realms/{realm}/oauth2/jwks")
public class JwksResource {
    private final RealmGuard realms;
    private final JwksCache jwks;
    private final String cacheControl;

    public JwksResource(RealmGuard realms, JwksCache jwks, ArborConfig config) {
        this.realms = realms;
        this.jwks = jwks;
        this.cacheControl = "public, max-age=" + config.federation().jwksMaxAge().toSeconds();
    }

    @GET
    public Uni<Response> keys(@PathParam("realm") String realm) {
        return realms.require(realm).chain(v -> jwks.json(realm)).map(json -> Response.ok(json)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", cacheControl)
                .build());
    }
}
