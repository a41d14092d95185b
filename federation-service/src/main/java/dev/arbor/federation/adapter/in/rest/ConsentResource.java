package dev.arbor.federation.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.protocol.oauth2.ConsentEndpoint;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The consent API the consent page uses (docs/reference/http-api.md): {@code GET} what a flow asks for,
 * {@code POST {"decision": "allow"|"deny", "remember": bool}}. Same-origin only: a request with an
 * {@code Origin} other than the suite's, or without {@code X-Arbor-Client} (a header no cross-site HTML
 * form can send, as for the journey API), is 403 before anything is looked up. The SSO cookie
 * identifies the user; answers are never cached.
 */
@Path("/realms/{realm}/consent/{flow}")
public class ConsentResource {
    static final String CLIENT_HEADER = "X-Arbor-Client";

    private final RealmGuard realms;
    private final ConsentEndpoint consent;
    private final ObjectMapper json;
    private final String ownOrigin;

    public ConsentResource(RealmGuard realms, ConsentEndpoint consent, ObjectMapper json, ArborConfig config) {
        this.realms = realms;
        this.consent = consent;
        this.json = json;
        this.ownOrigin = originOf(config.publicUrl());
    }

    @GET
    public Uni<Response> show(@PathParam("realm") String realm, @PathParam("flow") String flow,
                              @HeaderParam(CLIENT_HEADER) String client, @HeaderParam("Origin") String origin,
                              @CookieParam(AuthorizeResource.SESSION_COOKIE) String session) {
        return guarded(client, origin, realm, () -> consent.show(realm, flow, session));
    }

    @POST
    public Uni<Response> decide(@PathParam("realm") String realm, @PathParam("flow") String flow,
                                @HeaderParam(CLIENT_HEADER) String client, @HeaderParam("Origin") String origin,
                                @CookieParam(AuthorizeResource.SESSION_COOKIE) String session, byte[] body) {
        return guarded(client, origin, realm, () -> {
            Decision decision = decision(body);
            return consent.decide(realm, flow, session, decision.allow(), decision.remember());
        });
    }

    private record Decision(boolean allow, boolean remember) {
    }

    /** The body, read raw so malformed JSON is a 400 problem, never a framework error. */
    private Decision decision(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        JsonNode decision = root == null ? null : root.get("decision");
        JsonNode remember = root == null ? null : root.get("remember");
        if (decision == null || !decision.isTextual()
                || !(decision.asText().equals("allow") || decision.asText().equals("deny"))
                || (remember != null && !remember.isNull() && !remember.isBoolean())) {
            throw new ProblemException(Problem.of(400, "Bad Request",
                    "The body must be {\"decision\": \"allow\" or \"deny\", \"remember\": true or false}."), null);
        }
        return new Decision(decision.asText().equals("allow"), remember != null && remember.asBoolean());
    }

    private Uni<Response> guarded(String client, String origin, String realm,
                                  Supplier<Uni<? extends ConsentEndpoint.Outcome>> action) {
        if (client == null || client.isBlank()) {
            return forbidden("A request to the consent API must carry the " + CLIENT_HEADER + " header.");
        }
        if (origin != null && !origin.equals(ownOrigin)) {
            return forbidden("The consent API is for the suite's own pages only.");
        }
        return realms.require(realm).chain(v -> Uni.createFrom().<ConsentEndpoint.Outcome>deferred(action)).map(ConsentResource::toHttp);
    }

    private static Response toHttp(ConsentEndpoint.Outcome outcome) {
        return switch (outcome) {
            case ConsentEndpoint.Page p -> json(Map.of("client", Map.of("clientId", p.clientId(), "name", p.clientName()),
                    "scopes", p.scopes(), "rememberDays", p.rememberDays()));
            case ConsentEndpoint.Decided d -> json(Map.of("location", d.location()));
            case ConsentEndpoint.Refused r -> switch (r.reason()) {
                case UNKNOWN_FLOW -> Problem.of(404, "Not Found",
                        "This login is unknown, does not wait for consent, or has expired.").toResponse();
                case NOT_YOURS -> Problem.of(403, "Forbidden",
                        "Only the signed-in user this login waits for may decide it.").toResponse();
                case ALREADY_DECIDED -> Problem.of(409, "Conflict", "This login was already decided.").toResponse();
            };
        };
    }

    private static Response json(Object body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    private static Uni<Response> forbidden(String detail) {
        return Uni.createFrom().item(Problem.of(403, "Forbidden", detail).toResponse());
    }

    /** RFC 6454 §6.1 — scheme, host and port (the default one left out), as browsers send it. */
    static String originOf(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(uri.getScheme()) && port == 443)
                || ("http".equals(uri.getScheme()) && port == 80);
        return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }
}
