package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.domain.BrowserOrigins;
import dev.arbor.federation.port.ClientRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * CORS (Fetch Standard §3.2) for a single-page app that redeems its code and calls the realm from the
 * browser: the token endpoint (RFC 6749 §3.2), userinfo (OIDC Core §5.3) and revocation (RFC 7009).
 *
 * <ul>
 *   <li>Allowed origins are the realm's {@link BrowserOrigins}: the origins of its public clients'
 *       redirect URIs, matched exactly. Any other origin gets no {@code Access-Control-Allow-Origin}.</li>
 *   <li>Discovery (OIDC Discovery §4) and the JWK Set are public documents an SPA reads first; any origin
 *       may read them ({@code *}).</li>
 *   <li>Never {@code Allow-Credentials}: these endpoints authenticate by what the request carries
 *       (code + PKCE verifier, a bearer token), never by a cookie.</li>
 *   <li>A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered here, 204.</li>
 *   <li>{@code Vary: Origin} on every answer of these paths that carried an {@code Origin}, so a cache never
 *       hands one origin's answer to another.</li>
 * </ul>
 *
 * <p>The front channel ({@code /authorize}, logout) is not here: a browser navigates to it, and its answers
 * must never be readable by another origin's script. Neither are PAR and introspection, which only
 * confidential clients' back ends call.
 */
public class BrowserCorsFilters {
    private static final Pattern PATHS = Pattern.compile(
            "/realms/([A-Za-z0-9_-]{1,64})/(?:oauth2/(token|userinfo|revoke|jwks)|\\.well-known/(openid-configuration))");
    /** The request property holding the {@code Access-Control-Allow-Origin} value ("" for none). */
    private static final String ALLOW_ORIGIN = BrowserCorsFilters.class.getName() + ".allowOrigin";

    private final ClientRepository clients;

    public BrowserCorsFilters(ClientRepository clients) {
        this.clients = clients;
    }

    /** Decides once per request which origin may read the answer; answers a preflight itself. */
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> lookUp(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        Optional<Endpoint> endpoint = Endpoint.of(request.getUriInfo().getPath());
        if (origin == null || endpoint.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        Uni<String> allowOrigin = endpoint.get().isPublicMetadata()
                ? Uni.createFrom().item("*")
                : clients.browserOrigins(endpoint.get().realm())
                        .onFailure().recoverWithItem(BrowserOrigins.NONE)
                        .map(origins -> origins.allows(origin) ? origin : "");
        return allowOrigin.map(allowed -> {
            if ("OPTIONS".equals(request.getMethod()) && request.getHeaderString("Access-Control-Request-Method") != null) {
                return preflight(allowed, endpoint.get());
            }
            request.setProperty(ALLOW_ORIGIN, allowed);
            return null;
        });
    }

    /** Adds the CORS headers to the actual response, errors included (an SPA must read {@code invalid_grant}). */
    @ServerResponseFilter
    public void decorate(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(ALLOW_ORIGIN) instanceof String allowed)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.add("Vary", "Origin");
        if (!allowed.isEmpty()) {
            headers.putSingle("Access-Control-Allow-Origin", allowed);
            headers.putSingle("Access-Control-Expose-Headers", "WWW-Authenticate");
        }
    }

    private static Response preflight(String allowed, Endpoint endpoint) {
        Response.ResponseBuilder answer = Response.noContent().header("Vary", "Origin");
        if (!allowed.isEmpty()) {
            answer.header("Access-Control-Allow-Origin", allowed)
                    .header("Access-Control-Allow-Methods", endpoint.methods())
                    .header("Access-Control-Allow-Headers", "authorization, content-type, accept")
                    .header("Access-Control-Max-Age", "600");
        }
        return answer.build();
    }

    private record Endpoint(String realm, String name) {
        static Optional<Endpoint> of(String path) {
            Matcher m = PATHS.matcher(path == null ? "" : path);
            return m.matches() ? Optional.of(new Endpoint(m.group(1), m.group(2) != null ? m.group(2) : m.group(3)))
                    : Optional.empty();
        }

        /** Discovery and the JWK Set: public documents, readable by any origin (no credentials, no secrets). */
        boolean isPublicMetadata() {
            return name.equals("jwks") || name.equals("openid-configuration");
        }

        String methods() {
            return switch (name) {
                case "token", "revoke" -> "POST";
                case "userinfo" -> "GET, POST";
                default -> "GET";
            };
        }
    }
}
