package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A person's login, in a real headless Chromium: the demo app → Arbor's default login UI → back to
 * the app with alice's claims; and a relying party nobody here wrote (quarkus-oidc, web-app mode,
 * served by this module on :8089) that validates Arbor's ID token against the JWKS.
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BrowserLoginTest {

    @Test
    void demoAppLoginThroughTheDefaultUiEndsOnAlicesClaims() throws Exception {
        try (var browser = new Browser()) {
            browser.driver.get(ArborSuite.PUBLIC_URL + "/ui/demo/");
            browser.await(By.id("sign-in")).click();

            browser.logInThroughDefaultUi("alice", ArborSuite.ALICE_PASSWORD);

            browser.awaitText(By.id("subject-name"), "Alice Liddell");
            String claims = browser.driver.findElement(By.id("claims")).getText();
            assertTrue(claims.contains("alice@example.com"), claims);
            assertTrue(browser.driver.getCurrentUrl().startsWith(ArborSuite.PUBLIC_URL + "/ui/demo/"));
        }
    }

    @Test
    void wrongPasswordInTheDefaultUiShowsTheLoginFailure() throws Exception {
        try (var browser = new Browser()) {
            browser.driver.get(ArborSuite.PUBLIC_URL + "/ui/demo/");
            browser.await(By.id("sign-in")).click();

            browser.logInThroughDefaultUi("alice", "not-her-password");

            browser.awaitText(By.id("login-error"), "Login failure");
        }
    }

    @Test
    void quarkusOidcRelyingPartyLogsAliceInWithArborsIdToken() throws Exception {
        try (var browser = new Browser()) {
            browser.driver.get("http://localhost:8089/rp/profile");

            browser.logInThroughDefaultUi("alice", ArborSuite.ALICE_PASSWORD);

            browser.awaitText(By.id("rp-name"), "Alice Liddell");
            assertEquals(ArborSuite.PUBLIC_URL + "/realms/demo", browser.driver.findElement(By.id("rp-iss")).getText());
        }
    }
}
