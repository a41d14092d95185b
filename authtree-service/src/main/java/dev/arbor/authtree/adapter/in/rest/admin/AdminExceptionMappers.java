package dev.arbor.authtree.adapter.in.rest.admin;

import dev.arbor.authtree.domain.tree.TreeAdminException;
import dev.arbor.authtree.domain.tree.TreeValidationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Admin API refusals as RFC 9457 problem details; a tree that fails validation lists every problem. */
public class AdminExceptionMappers {
    private static final MediaType PROBLEM = MediaType.valueOf("application/problem+json");

    @ServerExceptionMapper
    public Response problem(AdminProblemException e) {
        Response.ResponseBuilder response = problem(e.status(), e.title(), e.detail(), e.problems());
        if (e.wwwAuthenticate() != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, e.wwwAuthenticate());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response admin(TreeAdminException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> problem(404, "Not Found", e.getMessage(), null).build();
            case CONFLICT -> problem(409, "Conflict", e.getMessage(), null).build();
        };
    }

    @ServerExceptionMapper
    public Response invalid(TreeValidationException e) {
        return problem(400, "Bad Request", "The tree is not valid", e.problems()).build();
    }

    static Response.ResponseBuilder problem(int status, String title, String detail, List<String> problems) {
        return Response.status(status).type(PROBLEM).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new AdminJson.Problem("about:blank", title, status, detail, problems));
    }
}
