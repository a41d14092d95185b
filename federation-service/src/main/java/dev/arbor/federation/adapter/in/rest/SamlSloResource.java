package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.saml2.HttpPostBinding;
import dev.arbor.federation.protocol.saml2.HttpRedirectBinding;
import dev.arbor.federation.protocol.saml2.InvalidSamlRequest;
import dev.arbor.federation.protocol.saml2.SamlLogoutEndpoint;
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
 * SAML Bindings §3.4 (HTTP-Redirect, GET) and §3.5 (HTTP-POST) — the IdP's SingleLogoutService:
 * {@code SAMLRequest} (an SP's LogoutRequest) or {@code SAMLResponse} (a participant's LogoutResponse),
 * with an optional {@code RelayState}.
 */
@Path("/realms/{realm}/saml2/slo")
public class SamlSloResource {
    private final RealmGuard realms;
    private final SamlLogoutEndpoint endpoint;

    public SamlSloResource(RealmGuard realms, SamlLogoutEndpoint endpoint) {
        this.realms = realms;
        this.endpoint = endpoint;
    }

    /** The raw query: the redirect signature covers the parameters exactly as the SP encoded them. */
    @GET
    public Uni<Response> redirect(@PathParam("realm") String realm, @Context UriInfo uri,
                                  @CookieParam(AuthorizeResource.SESSION_COOKIE) String session) {
        String rawQuery = uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery();
        boolean response = ("&" + rawQuery).contains("&SAMLResponse=");
        return realms.require(realm)
                .chain(v -> response
                        ? endpoint.response(realm, () -> HttpRedirectBinding.decodeResponse(rawQuery))
                        : endpoint.request(realm, () -> HttpRedirectBinding.decodeRequest(rawQuery), session))
                .map(ProtocolResponses::toHttp);
    }

    @POST
    public Uni<Response> post(@PathParam("realm") String realm,
                              @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
                              @CookieParam(AuthorizeResource.SESSION_COOKIE) String session) {
        Map<String, List<String>> form;
        try {
            form = Forms.parse(contentType, body);
        } catch (RuntimeException e) {
            form = Map.of();
        }
        Map<String, List<String>> fields = form;
        boolean response = fields.containsKey("SAMLResponse") && !fields.containsKey("SAMLRequest");
        String field = response ? "SAMLResponse" : "SAMLRequest";
        return realms.require(realm).chain(v -> {
            if (response) {
                return endpoint.response(realm, () -> HttpPostBinding.decodeResponse(single(fields, field),
                        relayState(fields)));
            }
            return endpoint.request(realm, () -> HttpPostBinding.decodeRequest(single(fields, field),
                    relayState(fields)), session);
        }).map(ProtocolResponses::toHttp);
    }

    private static String single(Map<String, List<String>> form, String name) {
        if (form.getOrDefault(name, List.of()).size() != 1) {
            throw new InvalidSamlRequest(name + " must be sent once");
        }
        return form.get(name).getFirst();
    }

    private static String relayState(Map<String, List<String>> form) {
        List<String> relay = form.getOrDefault("RelayState", List.of());
        if (relay.size() > 1) {
            throw new InvalidSamlRequest("RelayState must be sent at most once");
        }
        return relay.isEmpty() ? null : relay.getFirst();
    }
}
