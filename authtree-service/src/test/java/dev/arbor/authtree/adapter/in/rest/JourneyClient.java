package dev.arbor.authtree.adapter.in.rest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;

/** Drives the journey API as a ForgeRock SDK would: post empty, then post the previous step back filled in. */
final class JourneyClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JourneyClient() {
    }

    static Response start(String path) {
        return given().contentType("application/json").body("").post(path);
    }

    /** The step with {@code values[i]} put into callback i's first input. */
    static String fill(String step, String... values) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(step);
            for (int i = 0; i < values.length; i++) {
                ((ObjectNode) root.get("callbacks").get(i).get("input").get(0)).put("value", values[i]);
            }
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Response post(String path, String body) {
        return given().contentType("application/json").body(body).post(path);
    }

    /** Username then password; returns the final response. */
    static Response login(String path, String username, String password) {
        String first = start(path).then().statusCode(200).extract().asString();
        String second = post(path, fill(first, username)).then().statusCode(200).extract().asString();
        return post(path, fill(second, password));
    }
}
