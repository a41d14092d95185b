package dev.arbor.federation.adapter.in.rest;

import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 — problem details, for everything that is not an OAuth endpoint. {@code detail} is
 * written for the caller; it never carries internals.
 */
public record Problem(String type, String title, int status, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).header("Cache-Control", "no-store").entity(this).build();
    }
}
