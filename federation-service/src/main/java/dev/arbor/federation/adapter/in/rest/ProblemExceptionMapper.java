package dev.arbor.federation.adapter.in.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link ProblemException} → {@code application/problem+json}. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
    @Override
    public Response toResponse(ProblemException e) {
        Response response = e.problem().toResponse();
        if (e.challenge() == null) {
            return response;
        }
        return Response.fromResponse(response).header("WWW-Authenticate", e.challenge()).build();
    }
}
