package dev.arbor.authtree.adapter.in.rest;

import dev.arbor.authtree.domain.journey.JourneyOutcome;
import dev.arbor.authtree.domain.journey.JourneyService;
import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.node.ClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The journey JSON API, shaped as ForgeRock AM's {@code POST /json/realms/{realm}/authenticate}: an empty
 * body starts a journey ({@code ?tree=} picks a tree, {@code ?flow=} a federation login flow), a body with
 * {@code authId} continues it. Runs on a worker thread: it hashes and calls gRPC peers.
 */
@Path("/realms/{realm}/authenticate")
public class AuthenticateResource {
    private final JourneyService journeys;
    private final StepRequestParser parser;
    private final JourneyResponses responses;
    private final MemoryCookies memoryCookies;
    private final int maxBodySize;

    public AuthenticateResource(JourneyService journeys, StepRequestParser parser, JourneyResponses responses,
            MemoryCookies memoryCookies, ArborConfig config) {
        this.maxBodySize = config.authtree().maxBodySize();
        this.journeys = journeys;
        this.parser = parser;
        this.responses = responses;
        this.memoryCookies = memoryCookies;
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    public Response authenticate(@PathParam("realm") String realm, @QueryParam("tree") String tree,
            @QueryParam("flow") String flow, @HeaderParam("Content-Type") String contentType,
            @Context HttpServerRequest http, @Context HttpHeaders headers, String body) {
        if (body != null && body.length() > maxBodySize) { // a chunked body carries no Content-Length
            return JourneyExceptionMappers.problem(413, "Content Too Large",
                    "The request body is larger than " + maxBodySize + " bytes");
        }
        if (body != null && !body.isBlank() && !isJson(contentType)) {
            return JourneyExceptionMappers.problem(415, "Unsupported Media Type", "Send the step as application/json");
        }
        StepRequestParser.StepRequest request = parser.parse(body);
        ClientRequest client = client(http);
        JourneyOutcome outcome = request.authId()
                .map(authId -> journeys.resume(realm, authId, request.answers(), client))
                .orElseGet(() -> journeys.start(realm, nonBlank(tree), nonBlank(flow), client,
                        memoryCookies.presented(headers == null ? null : headers.getCookies())));
        return responses.toResponse(outcome);
    }

    /** {@code application/json} or a {@code +json} type, any parameters (charset) allowed. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /**
     * The TCP peer and the raw {@code X-Forwarded-For} lines; which of them is believed is the IP condition's
     * business (trusted proxies). Quarkus' own proxy-address-forwarding stays off so the peer is the real one.
     */
    static ClientRequest client(HttpServerRequest http) {
        if (http == null) {
            return ClientRequest.UNKNOWN;
        }
        SocketAddress peer = http.remoteAddress();
        String address = peer == null || peer.hostAddress() == null ? "" : peer.hostAddress();
        java.util.Map<String, String> forwardable = new java.util.HashMap<>();
        for (String name : ClientRequest.FORWARDABLE_HEADERS) {
            String value = http.getHeader(name);
            if (value != null) {
                forwardable.put(name, value);
            }
        }
        return new ClientRequest(address, http.headers().getAll("X-Forwarded-For"), forwardable);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
