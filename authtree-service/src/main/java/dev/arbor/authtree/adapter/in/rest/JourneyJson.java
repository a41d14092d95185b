package dev.arbor.authtree.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The wire shapes of the journey API, as ForgeRock AM's {@code /json/authenticate} (RestAuthenticationHandler). */
final class JourneyJson {
    private JourneyJson() {
    }

    /** A step: the client renders the callbacks and posts the whole object back with the inputs filled. */
    @JsonPropertyOrder({"authId", "header", "description", "stage", "callbacks"})
    record Step(String authId, String header, String description, String stage, List<CallbackJson> callbacks) {
    }

    @JsonPropertyOrder({"type", "output", "input", "_id"})
    record CallbackJson(String type, List<NameValue> output, List<NameValue> input,
            @JsonProperty("_id") int id) {
    }

    @JsonPropertyOrder({"name", "value"})
    record NameValue(String name, Object value) {
    }

    /** Success without {@code tokenId}: the session travels only in the HttpOnly cookie. */
    @JsonPropertyOrder({"successUrl", "realm"})
    record Success(String successUrl, String realm) {
    }

    /** AM's failure body; the SDK reads code, reason and message. */
    @JsonPropertyOrder({"code", "reason", "message"})
    record Failure(int code, String reason, String message) {
        static final Failure LOGIN_FAILURE = new Failure(401, "Unauthorized", "Login failure");
        static final Failure JOURNEY_EXPIRED = new Failure(401, "Unauthorized", "Journey expired or already advanced");
        static final Failure DEPENDENCY_UNAVAILABLE = new Failure(503, "Service Unavailable",
                "Sign-in is temporarily unavailable. Try again later.");
    }

    /** RFC 9457 problem details. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "title", "status", "detail"})
    record Problem(String type, String title, int status, String detail) {
        static Problem of(int status, String title, String detail) {
            return new Problem("about:blank", title, status, detail);
        }
    }
}
