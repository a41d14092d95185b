package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oauth2.AuthorizationEndpoint;
import dev.arbor.federation.protocol.oauth2.AuthorizationResumption;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 6749 §3.1 — the authorization endpoint, by GET and, as OIDC Core §3.1.2.1 requires, by POST
 * (form); and the resumption the login UI sends the browser to once the journey succeeded.
 */
@Path("/realms/{realm}/oauth2/authorize")
public class AuthorizeResource {
    static final String SESSION_COOKIE = "arbor_session";

    private final RealmGuard realms;
    private final AuthorizationEndpoint endpoint;
    private final AuthorizationResumption resumption;

    public AuthorizeResource(RealmGuard realms, AuthorizationEndpoint endpoint, AuthorizationResumption resumption) {
        this.realms = realms;
        this.endpoint = endpoint;
        this.resumption = resumption;
    }

    @GET
    public Uni<Response> authorize(@PathParam("realm") String realm, @Context UriInfo uri,
                                   @CookieParam(SESSION_COOKIE) String session) {
        return handle(realm, uri.getQueryParameters(), session);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> authorizeByPost(@PathParam("realm") String realm, MultivaluedMap<String, String> form,
                                         @CookieParam(SESSION_COOKIE) String session) {
        return handle(realm, form, session);
    }

    @GET
    @Path("/resume")
    public Uni<Response> resume(@PathParam("realm") String realm, @QueryParam("flow") String flow,
                                @CookieParam(SESSION_COOKIE) String session) {
        return realms.require(realm)
                .chain(v -> resumption.resume(realm, flow, session))
                .map(ProtocolResponses::toHttp);
    }

    private Uni<Response> handle(String realm, MultivaluedMap<String, String> parameters, String session) {
        Map<String, List<String>> copy = new HashMap<>();
        if (parameters != null) {
            parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        }
        return realms.require(realm)
                .chain(v -> endpoint.authorize(realm, copy, session))
                .map(ProtocolResponses::toHttp);
    }
}
