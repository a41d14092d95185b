package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Sign-in in a popup from a single-page app on another origin, in a real headless Chromium:
 * examples/popup-login served on http://127.0.0.1:9190 (the redirect URI of the demo realm's public
 * client demo-popup) loads the SDK from Arbor, opens the default UI in a popup with
 * {@code response_mode=web_message}, receives the code by {@code postMessage} and redeems it at the token
 * endpoint from the browser (CORS for that origin, PKCE). The same page on http://127.0.0.1:9191, an
 * origin no client registered, gets nothing: the response is posted to :9190 only.
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PopupLoginBrowserTest {
    private static final Path EXAMPLE = Path.of("../examples/popup-login");
    private static final String REGISTERED = "http://127.0.0.1:9190";
    private static final String STRANGER = "http://127.0.0.1:9191";
    private static HttpServer registered;
    private static HttpServer stranger;

    @BeforeAll
    static void serveTheAppOnTwoOrigins() throws IOException {
        registered = StaticSite.serve(EXAMPLE, "127.0.0.1", 9190);
        stranger = StaticSite.serve(EXAMPLE, "127.0.0.1", 9191);
    }

    @AfterAll
    static void stop() {
        registered.stop(0);
        stranger.stop(0);
    }

    @Test
    void theAppOnTheRegisteredOriginGetsAlicesIdTokenFromThePopupAndTheTokenEndpoint() throws Exception {
        try (var browser = new Browser()) {
            browser.driver.get(REGISTERED + "/?arbor=" + ArborSuite.PUBLIC_URL);

            signInInThePopup(browser);

            browser.awaitText(By.id("status"), "Signed in.");
            JsonNode claims = new ObjectMapper().readTree(browser.driver.findElement(By.id("claims")).getText());
            assertEquals("Alice Liddell", claims.get("name").asText());
            assertEquals("alice@example.com", claims.get("email").asText());
            assertEquals(ArborSuite.PUBLIC_URL + "/realms/demo", claims.get("iss").asText());
            assertTrue(claims.get("aud").toString().contains("demo-popup"), claims.toString());
            assertEquals(1, browser.driver.getWindowHandles().size(), "the SDK closed the popup");
        }
    }

    @Test
    void theSameAppOnAnOriginNoClientRegisteredNeverReceivesTheResponse() throws Exception {
        try (var browser = new Browser()) {
            // the page claims the registered client and redirect URI, but runs on another origin
            browser.driver.get(STRANGER + "/?arbor=" + ArborSuite.PUBLIC_URL + "&redirect_uri=" + REGISTERED + "/");

            signInInThePopup(browser);

            // the popup posted the code to :9190 only and closed itself; this page saw no message
            browser.wait.until(Browser.acrossNavigation(
                    ExpectedConditions.attributeToBe(By.id("error"), "data-code", "popup_closed")));
            assertTrue(browser.driver.findElement(By.id("claims")).getText().isEmpty(), "no token reached the page");
            assertFalse(browser.driver.findElement(By.id("claims")).isDisplayed());
        }
    }

    private static void signInInThePopup(Browser browser) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        String app = browser.switchToPopup();
        browser.logInThroughDefaultUi("alice", ArborSuite.ALICE_PASSWORD);
        browser.wait.until(d -> d.getWindowHandles().size() == 1);
        browser.driver.switchTo().window(app);
    }
}
