package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.saml2.HttpPostBinding;
import dev.arbor.federation.protocol.saml2.HttpRedirectBinding;
import dev.arbor.federation.protocol.saml2.IdpInitiatedSsoEndpoint;
import dev.arbor.federation.protocol.saml2.InvalidSamlRequest;
import dev.arbor.federation.protocol.saml2.SamlSsoEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * SAML Bindings §3.4 (HTTP-Redirect, GET) and §3.5 (HTTP-POST) — the IdP's SingleSignOnService; and
 * {@code /init}, IdP-initiated SSO (SAML Profiles §4.1.5).
 */
@Path("/realms/{realm}/saml2/sso")
public class SamlSsoResource {
    private final RealmGuard realms;
    private final SamlSsoEndpoint endpoint;
    private final IdpInitiatedSsoEndpoint idpInitiated;

    public SamlSsoResource(RealmGuard realms, SamlSsoEndpoint endpoint, IdpInitiatedSsoEndpoint idpInitiated) {
        this.realms = realms;
        this.endpoint = endpoint;
        this.idpInitiated = idpInitiated;
    }

    /** The raw query: the redirect signature covers the parameters exactly as the SP encoded them. */
    @GET
    public Uni<Response> redirect(@PathParam("realm") String realm, @Context UriInfo uri,
                                  @CookieParam(AuthorizeResource.SESSION_COOKIE) String session) {
        String rawQuery = uri.getRequestUri().getRawQuery();
        return realms.require(realm)
                .chain(v -> endpoint.handle(realm, () -> HttpRedirectBinding.decodeRequest(rawQuery), session))
                .map(ProtocolResponses::toHttp);
    }

    @POST
    public Uni<Response> post(@PathParam("realm") String realm,
                              @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
                              @CookieParam(AuthorizeResource.SESSION_COOKIE) String session) {
        return realms.require(realm).chain(v -> endpoint.handle(realm, () -> {
            Map<String, List<String>> form;
            try {
                form = Forms.parse(contentType, body);
            } catch (RuntimeException e) {
                throw new InvalidSamlRequest("the body is not a form");
            }
            if (form.getOrDefault("SAMLRequest", List.of()).size() != 1
                    || form.getOrDefault("RelayState", List.of()).size() > 1) {
                throw new InvalidSamlRequest("SAMLRequest must be sent once, RelayState at most once");
            }
            List<String> relay = form.getOrDefault("RelayState", List.of());
            return HttpPostBinding.decodeRequest(form.get("SAMLRequest").getFirst(),
                    relay.isEmpty() ? null : relay.getFirst());
        }, session)).map(ProtocolResponses::toHttp);
    }

    /** {@code ?sp=<entityID>[&RelayState=..][&acs=<index>]}: an unsolicited Response to an SP that allows it. */
    @GET
    @Path("init")
    public Uni<Response> idpInitiated(@PathParam("realm") String realm, @Context UriInfo uri,
                                      @CookieParam(AuthorizeResource.SESSION_COOKIE) String session) {
        String rawQuery = uri.getRequestUri().getRawQuery();
        return realms.require(realm)
                .chain(v -> idpInitiated.handle(realm, rawQuery, session))
                .map(ProtocolResponses::toHttp);
    }
}
