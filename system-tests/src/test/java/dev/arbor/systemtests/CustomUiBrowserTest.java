package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The login a customer owns, in a real headless Chromium: examples/custom-ui served from another origin
 * (:9090, on the demo realm's journeyApi.allowedOrigins) signs alice in through the JS SDK; the same page
 * from an origin that is not on the list (:9091) gets nothing; and the default UI speaks German when the
 * relying party asks for ui_locales=de.
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CustomUiBrowserTest {
    private static final Path EXAMPLE = Path.of("../examples/custom-ui");
    private static HttpServer allowed;
    private static HttpServer notAllowed;

    @BeforeAll
    static void serveTheExampleOnTwoOrigins() throws IOException {
        allowed = serve(9090);
        notAllowed = serve(9091);
    }

    @AfterAll
    static void stop() {
        allowed.stop(0);
        notAllowed.stop(0);
    }

    @Test
    void theCustomersOwnPageOnAnotherOriginSignsAliceInThroughTheSdk() throws Exception {
        try (var browser = new Browser()) {
            browser.driver.get("http://localhost:9090/?arbor=" + ArborSuite.PUBLIC_URL + "&realm=demo&tree=login");

            browser.await(By.id("field-0")).sendKeys("alice");
            browser.driver.findElement(By.id("submit")).click();
            browser.await(By.cssSelector("input[type=password]")).sendKeys(ArborSuite.ALICE_PASSWORD);
            browser.driver.findElement(By.id("submit")).click();

            // success: the SDK hands over the successUrl and the page follows it to Arbor with the SSO cookie
            new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30))
                    .until(ExpectedConditions.urlContains(ArborSuite.PUBLIC_URL + "/ui/"));
            assertNotNull(browser.driver.manage().getCookieNamed("arbor_session"),
                    "the journey API set the SSO cookie for Arbor's origin through a credentialed CORS request");
        }
    }

    @Test
    void thePageOnAnOriginTheRealmDoesNotListGetsNoStep() throws Exception {
        try (var browser = new Browser()) {
            browser.driver.get("http://localhost:9091/?arbor=" + ArborSuite.PUBLIC_URL + "&realm=demo&tree=login");

            browser.awaitText(By.id("error"), "could not be reached");
            assertTrue(browser.driver.findElements(By.id("field-0")).isEmpty(), "no step was rendered");
        }
    }

    @Test
    void theDefaultUiSpeaksGermanWhenTheRelyingPartyAsksForIt() throws Exception {
        try (var browser = new Browser()) {
            browser.driver.get(ArborSuite.PUBLIC_URL + "/ui/login/?realm=demo&ui_locales=de");

            browser.awaitText(By.cssSelector("label[for=IDToken1]"), "Benutzername");
            assertEquals("de", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals("Anmelden", browser.driver.findElement(By.id("login-submit")).getText());
            browser.driver.findElement(By.id("IDToken1")).sendKeys("alice");
            browser.driver.findElement(By.id("login-submit")).click();
            browser.awaitText(By.cssSelector("label[for=IDToken1]"), "Passwort");
        }
    }

    private static HttpServer serve(int port) throws IOException {
        return StaticSite.serve(EXAMPLE, "localhost", port);
    }
}
