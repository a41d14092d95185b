package dev.arbor.authtree.adapter.in.rest.admin;

import static dev.arbor.authtree.adapter.in.rest.admin.AdminTreesResourceTest.LOGIN_TREE;
import static dev.arbor.authtree.adapter.in.rest.admin.AdminTreesResourceTest.PASSWORD_FIRST_TREE;
import static dev.arbor.authtree.adapter.in.rest.admin.AdminTreesResourceTest.publishTree;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * Publishing a new version while a journey runs: new journeys take the new version, the running journey
 * finishes on the version it started with (it stores the version number; published versions never change).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestPrefix.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TreeVersionJourneyTest {
    private static final String PATH = "/realms/test/authenticate?tree=versioned";

    @Test
    void publishWhileAJourneyRunsThenNewJourneysUseTheNewVersionAndTheRunningOneFinishesOnItsOwn() {
        // Given version 1 asks for the username first, and a journey has started on it
        publishTree("versioned", LOGIN_TREE);
        String running = start().then().statusCode(200).body("stage", equalTo("username")).extract().asString();

        // When version 2 (password first) is published
        publishTree("versioned", PASSWORD_FIRST_TREE);

        // Then a new journey starts on version 2
        start().then().statusCode(200).body("stage", equalTo("password"))
                .body("callbacks[0].type", equalTo("PasswordCallback"));
        // And the running journey goes on through version 1: username, then password, then success
        String password = post(fill(running, "alice")).then().statusCode(200).body("stage", equalTo("password"))
                .extract().asString();
        post(fill(password, "Wonderland-2026")).then().statusCode(200).body("realm", equalTo("test"));
    }

    private static io.restassured.response.Response start() {
        return given().contentType("application/json").body("").post(PATH);
    }

    private static io.restassured.response.Response post(String body) {
        return given().contentType("application/json").body(body).post(PATH);
    }

    private static String fill(String step, String value) {
        String authId = JsonPath.from(step).getString("authId");
        String type = JsonPath.from(step).getString("callbacks[0].type");
        return "{\"authId\":\"" + authId + "\",\"callbacks\":[{\"type\":\"" + type
                + "\",\"input\":[{\"name\":\"IDToken1\",\"value\":\"" + value + "\"}]}]}";
    }
}
