package dev.arbor.gateway.adapter.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Writes RFC 9457 problem details; the detail is a fixed, client-safe sentence, never an exception text. */
public final class ProblemResponder {

    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponder() {}

    /** The problem body for {@code status}. */
    public static String body(int status, String title, String detail) {
        return new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .encode();
    }

    /** Ends {@code response} with the problem; does nothing if the response has already been sent. */
    public static void send(HttpServerResponse response, int status, String title, String detail) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body(status, title, detail));
    }
}
