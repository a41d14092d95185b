package dev.arbor.token.adapter.in.rest;

import jakarta.ws.rs.core.Response;

/** RFC 9457 — problem details of the admin API. {@code detail} is written for the caller, never internals. */
public record Problem(String type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).header("Cache-Control", "no-store").entity(this).build();
    }
}
