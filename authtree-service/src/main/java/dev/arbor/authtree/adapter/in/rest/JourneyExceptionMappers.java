package dev.arbor.authtree.adapter.in.rest;

import dev.arbor.authtree.domain.journey.JourneyException;
import dev.arbor.authtree.node.DependencyUnavailableException;
import io.grpc.StatusRuntimeException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps refusals to responses: an expired or replayed journey is AM's 401 body, everything else RFC 9457
 * problem details. Exception text never reaches the client; unexpected errors are logged (without request
 * data) and answered with a bare 500/503.
 */
public class JourneyExceptionMappers {
    private static final Logger LOG = Logger.getLogger(JourneyExceptionMappers.class);
    private static final MediaType PROBLEM = MediaType.valueOf("application/problem+json");

    @ServerExceptionMapper
    public Response journey(JourneyException e) {
        return switch (e.kind()) {
            case JOURNEY_EXPIRED -> JourneyResponses.json(401, JourneyJson.Failure.JOURNEY_EXPIRED);
            case REALM_NOT_FOUND, TREE_NOT_FOUND -> problem(404, "Not Found", e.getMessage());
            case UNKNOWN_FLOW, BAD_INPUT -> problem(400, "Bad Request", e.getMessage());
        };
    }

    /**
     * A node failed closed (script-runner unreachable, too slow, or the script erred): AM's failure body with
     * 503, and a message that names nothing internal. The dependency (never the request) is logged.
     */
    @ServerExceptionMapper
    public Response dependencyUnavailable(DependencyUnavailableException e) {
        LOG.warnf("journey failed closed: %s", e.getMessage());
        return JourneyResponses.json(503, JourneyJson.Failure.DEPENDENCY_UNAVAILABLE);
    }

    @ServerExceptionMapper
    public Response peerUnavailable(StatusRuntimeException e) {
        LOG.warnf("gRPC peer call failed: %s", e.getStatus().getCode());
        return problem(503, "Service Unavailable", "A dependency is unavailable; try again");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return problem(status, e.getResponse().getStatusInfo().getReasonPhrase(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("journey request failed", e);
        return problem(500, "Internal Server Error", null);
    }

    static Response problem(int status, String title, String detail) {
        return Response.status(status).type(PROBLEM).entity(JourneyJson.Problem.of(status, title, detail)).build();
    }
}
