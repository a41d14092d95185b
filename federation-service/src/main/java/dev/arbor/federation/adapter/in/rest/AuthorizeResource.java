package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oauth2.AuthorizationEndpoint;
import dev.arbor.federation.protocol.oauth2.AuthorizationResumption;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
        return handle(realm, () -> Forms.parseQuery(uri.getRequestUri().getRawQuery()), session);
    }

    /** The body is read raw: the framework's form reader fails with a 500 on broken percent-encoding. */
    @POST
    public Uni<Response> authorizeByPost(@PathParam("realm") String realm,
                                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
                                         @CookieParam(SESSION_COOKIE) String session) {
        return handle(realm, () -> Forms.parse(contentType, body), session);
    }

    @GET
    @Path("/resume")
    public Uni<Response> resume(@PathParam("realm") String realm, @QueryParam("flow") String flow,
                                @CookieParam(SESSION_COOKIE) String session) {
        return realms.require(realm)
                .chain(v -> resumption.resume(realm, flow, session))
                .map(ProtocolResponses::toHttp);
    }

    private Uni<Response> handle(String realm, Supplier<Map<String, List<String>>> parameters, String session) {
        return realms.require(realm)
                .chain(v -> endpoint.authorize(realm, parameters.get(), session))
                .map(ProtocolResponses::toHttp);
    }
}
