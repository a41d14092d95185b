package dev.arbor.authtree.adapter.in.rest;

import static dev.arbor.authtree.adapter.in.rest.JourneyClient.login;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.testing.PostgresTestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Realm YAML {@code ui.cookies}: realm {@code cross-site} (its login UI runs on another site) gets its session
 * cookie with {@code SameSite=None; Secure}, so the cookie travels with the UI's credentialed fetch; realm
 * {@code test}, which names no mode, keeps {@code SameSite=Lax}.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestDatabase.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CrossSiteCookiesTest {

    @Test
    void crossSiteRealmSetsTheSessionCookieWithSameSiteNoneAndSecure() {
        Response done = login("/realms/cross-site/authenticate", "alice", "Wonderland-2026");

        done.then().statusCode(200);
        String cookie = done.header("Set-Cookie");
        assertTrue(cookie.matches("arbor_session=[0-9a-f-]{36}; Path=/; HttpOnly; SameSite=None; Secure"), cookie);
    }

    @Test
    void realmWithoutTheSettingKeepsSameSiteLax() {
        Response done = login("/realms/test/authenticate", "bob", "Builder-2026");

        done.then().statusCode(200);
        String cookie = done.header("Set-Cookie");
        assertTrue(cookie.matches("arbor_session=[0-9a-f-]{36}; Path=/; HttpOnly; SameSite=Lax"), cookie);
    }
}
