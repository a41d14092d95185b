package dev.arbor.federation.adapter.in.rest;

import io.grpc.StatusRuntimeException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Whatever else escapes a resource becomes a problem+json without internals: the framework's own
 * HTTP errors keep their status (404 path, 405, 415...), an unreachable peer is 503, anything
 * else is a 500 whose cause is only logged.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            Response.Status known = Response.Status.fromStatusCode(status);
            return Problem.of(status, known == null ? "Error" : known.getReasonPhrase(), null).toResponse();
        }
        if (e instanceof StatusRuntimeException || e instanceof TimeoutException
                || e instanceof io.smallrye.mutiny.TimeoutException || e.getCause() instanceof StatusRuntimeException) {
            LOG.warnf("a peer service did not answer: %s", e.getClass().getSimpleName());
            return Problem.of(503, "Service Unavailable", "A service this request needs is unavailable; try again.")
                    .toResponse();
        }
        LOG.error("unexpected failure while handling a request", e);
        return Problem.of(500, "Internal Server Error", "The request could not be completed.").toResponse();
    }
}
