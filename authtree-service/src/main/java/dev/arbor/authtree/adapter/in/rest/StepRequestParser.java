package dev.arbor.authtree.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.authtree.domain.journey.JourneyException;
import dev.arbor.authtree.node.Callback;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a journey request body: empty (or without {@code authId}) starts a journey; otherwise it is the
 * previous step with {@code callbacks[].input[0].value} filled in. Anything malformed is a 400, never a 500,
 * and the parser's own message never reaches the client.
 */
@ApplicationScoped
public class StepRequestParser {
    private static final int MAX_CALLBACKS = 32;

    private final ObjectMapper json;

    public StepRequestParser(ObjectMapper json) {
        this.json = json;
    }

    /** A parsed request: the step's authId (empty to start) and the answered callbacks. */
    public record StepRequest(Optional<String> authId, List<Callback> answers) {
    }

    public StepRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return new StepRequest(Optional.empty(), List.of());
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw JourneyException.badInput("The body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw JourneyException.badInput("The body must be a JSON object");
        }
        JsonNode authId = root.get("authId");
        if (authId == null || authId.isNull() || (authId.isTextual() && authId.asText().isEmpty())) {
            return new StepRequest(Optional.empty(), List.of());
        }
        if (!authId.isTextual()) {
            throw JourneyException.badInput("authId must be a string");
        }
        return new StepRequest(Optional.of(authId.asText()), callbacks(root.get("callbacks")));
    }

    private static List<Callback> callbacks(JsonNode callbacks) {
        if (callbacks == null || callbacks.isNull()) {
            return List.of();
        }
        if (!callbacks.isArray() || callbacks.size() > MAX_CALLBACKS) {
            throw JourneyException.badInput("callbacks must be an array of callbacks");
        }
        List<Callback> answers = new ArrayList<>();
        for (JsonNode callback : callbacks) {
            JsonNode type = callback.get("type");
            if (!callback.isObject() || type == null || !type.isTextual()) {
                throw JourneyException.badInput("each callback needs a type");
            }
            answers.add(new Callback(type.asText(), List.of(), inputValue(callback.get("input"))));
        }
        return answers;
    }

    /** The first input's value; {@code null} (a missing input) when absent or not a scalar. */
    private static String inputValue(JsonNode input) {
        if (input == null || !input.isArray() || input.isEmpty()) {
            return null;
        }
        JsonNode value = input.get(0).get("value");
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        return value.asText();
    }
}
