package dev.arbor.authtree.adapter.in.rest;

import static dev.arbor.authtree.adapter.in.rest.JourneyClient.login;
import static dev.arbor.authtree.adapter.in.rest.JourneyClient.post;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tree {@code terms} of realm {@code nodes} (TermsAcceptance, version 2026-11) over the JSON API and PostgreSQL. */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = RedisTestPrefix.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TermsJourneyTest {
    private static final String PATH = "/realms/nodes/authenticate?tree=terms";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void nobodyAcceptedYet() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("DELETE FROM authtree.terms_acceptances");
        }
    }

    /** The step with the ConfirmationCallback (callback 1; callback 0 is read-only text) answered. */
    private static String choose(String step, String option) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(step);
            ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("callbacks").get(1).get("input").get(0))
                    .put("value", option);
            return json.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int acceptances(String username) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM authtree.terms_acceptances t JOIN authtree.identities i ON i.id = t.identity_id "
                        + "WHERE t.realm = 'nodes' AND i.username = ? AND t.version = '2026-11' AND t.accepted_at IS NOT NULL")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void acceptIsRecordedAndTheNextSignInIsNotAskedAgain() throws Exception {
        // When dora signs in the first time Then the terms and Accept / Decline
        String step = login(PATH, "dora", "Explorer-2026").then().statusCode(200).extract().asString();
        JsonPath json = JsonPath.from(step);
        assertEquals("terms", json.getString("stage"));
        assertEquals("Be excellent to each other.", json.getString("callbacks[0].output[0].value"));
        assertEquals(java.util.List.of("Accept", "Decline"), json.getList("callbacks[1].output[2].value"));
        // When she accepts Then signed in and recorded
        post(PATH, choose(step, "0")).then().statusCode(200).body("realm", equalTo("nodes"));
        assertEquals(1, acceptances("dora"));
        // When she signs in again Then no question: straight to success
        login(PATH, "dora", "Explorer-2026").then().statusCode(200).body("realm", equalTo("nodes"));
        assertEquals(1, acceptances("dora"));
    }

    @Test
    void declineFailsAndRecordsNothing() throws Exception {
        String step = login(PATH, "erin", "Erin-2026").then().statusCode(200).extract().asString();
        post(PATH, step).then().statusCode(401).body("message", equalTo("Login failure")); // default: Decline
        assertEquals(0, acceptances("erin"));
    }

    @Test
    void aMadeUpOptionIsABadRequest() throws Exception {
        String step = login(PATH, "erin", "Erin-2026").then().statusCode(200).extract().asString();
        post(PATH, choose(step, "7")).then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, acceptances("erin"));
    }
}
