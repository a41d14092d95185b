package dev.arbor.scriptrunner.adapter.in.rest.admin;

import dev.arbor.scriptrunner.domain.admin.ScriptAdminException;
import dev.arbor.scriptrunner.domain.admin.SyntaxProblem;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Admin API refusals as RFC 9457 problem details (application/problem+json); nothing internal on the wire. */
public class AdminExceptionMappers {
    private static final Logger LOG = Logger.getLogger(AdminExceptionMappers.class);
    private static final MediaType PROBLEM = MediaType.valueOf("application/problem+json");

    @ServerExceptionMapper
    public Response problem(AdminProblemException e) {
        Response.ResponseBuilder response = problem(e.status(), e.title(), e.detail(), null);
        if (e.wwwAuthenticate() != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, e.wwwAuthenticate());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response admin(ScriptAdminException e) {
        return switch (e.kind()) {
            case INVALID -> problem(400, "Bad Request", e.getMessage(), e.syntax()).build();
            case NOT_FOUND -> problem(404, "Not Found", e.getMessage(), null).build();
            case CONFLICT -> problem(409, "Conflict", e.getMessage(), null).build();
            case TOO_LARGE -> problem(413, "Content Too Large", e.getMessage(), null).build();
        };
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return problem(415, "Unsupported Media Type", "Send application/json.", null).build();
    }

    @ServerExceptionMapper
    public Response wrapped(CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ScriptAdminException admin) {
            return admin(admin);
        }
        if (cause instanceof AdminProblemException problem) {
            return problem(problem);
        }
        LOG.errorf("script admin API failure: %s", String.valueOf(cause));
        return problem(503, "Service Unavailable", "The script store is temporarily unavailable.", null).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf("script admin API failure: %s", e.toString());
            return problem(503, "Service Unavailable", "The request could not be served.", null).build();
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return problem(status, known == null ? "Error" : known.getReasonPhrase(), "The request was refused.", null)
                .build();
    }

    static Response.ResponseBuilder problem(int status, String title, String detail, SyntaxProblem syntax) {
        Integer line = syntax == null || syntax.line() == 0 ? null : syntax.line();
        Integer column = syntax == null || syntax.line() == 0 ? null : syntax.column();
        return Response.status(status).type(PROBLEM).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new AdminJson.Problem("about:blank", title, status, detail, line, column));
    }
}
