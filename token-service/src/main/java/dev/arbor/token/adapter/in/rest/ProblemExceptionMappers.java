package dev.arbor.token.adapter.in.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure of the admin API as {@code application/problem+json}: a {@link ProblemException}
 * as it is (with its {@code WWW-Authenticate} challenge), the framework's own HTTP errors with their
 * status, anything else a 500 whose cause is only logged.
 */
public class ProblemExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = e.problem().toResponse();
        return e.challenge() == null ? response
                : Response.fromResponse(response).header("WWW-Authenticate", e.challenge()).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return Problem.of(status, known == null ? "Error" : known.getReasonPhrase(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure of an admin request", e);
        return Problem.of(500, "Internal Server Error", "The request could not be completed.").toResponse();
    }
}
