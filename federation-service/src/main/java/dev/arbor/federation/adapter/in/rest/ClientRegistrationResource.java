package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oauth2.ClientConfigurationEndpoint;
import dev.arbor.federation.protocol.oauth2.ClientRegistrationEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * RFC 7591 §3 client registration endpoint and RFC 7592 §2 client configuration endpoint of a realm.
 * Every response carries credentials (or may), so none is cached (RFC 7591 §3.2.1).
 */
@Path("/realms/{realm}/oauth2/register")
public class ClientRegistrationResource {
    private final RealmGuard realms;
    private final ClientRegistrationEndpoint registration;
    private final ClientConfigurationEndpoint configuration;

    public ClientRegistrationResource(RealmGuard realms, ClientRegistrationEndpoint registration,
                                      ClientConfigurationEndpoint configuration) {
        this.realms = realms;
        this.registration = registration;
        this.configuration = configuration;
    }

    /** 201 with the client information response; 400 invalid_redirect_uri / invalid_client_metadata. */
    @POST
    @Consumes(MediaType.WILDCARD) // any body: what is not a JSON object is invalid_client_metadata, not 415
    public Uni<Response> register(@PathParam("realm") String realm,
                                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return realms.require(realm)
                .chain(v -> registration.register(realm, authorization, body))
                .map(info -> noStore(Response.status(201).header("Location", info.get("registration_client_uri")), info));
    }

    @GET
    @Path("{clientId}")
    public Uni<Response> read(@PathParam("realm") String realm, @PathParam("clientId") String clientId,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return realms.require(realm)
                .chain(v -> configuration.read(realm, clientId, authorization))
                .map(info -> noStore(Response.ok(), info));
    }

    @PUT
    @Path("{clientId}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> replace(@PathParam("realm") String realm, @PathParam("clientId") String clientId,
                                 @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return realms.require(realm)
                .chain(v -> configuration.replace(realm, clientId, authorization, body))
                .map(info -> noStore(Response.ok(), info));
    }

    @DELETE
    @Path("{clientId}")
    public Uni<Response> delete(@PathParam("realm") String realm, @PathParam("clientId") String clientId,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return realms.require(realm)
                .chain(v -> configuration.delete(realm, clientId, authorization))
                .map(v -> Response.noContent().header("Cache-Control", "no-store").build());
    }

    private static Response noStore(Response.ResponseBuilder response, Map<String, Object> body) {
        return response.type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store")
                .header("Pragma", "no-cache").entity(body).build();
    }
}
