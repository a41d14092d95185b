package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The default login UI through the demo realm's trees, in a real headless Chromium: password and TOTP,
 * the lockout message, and the page in German when the application asks for it ({@code ui_locales}).
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DefaultUiJourneysBrowserTest {
    /** alice's TOTP secret in the demo realm (deploy/local/realms/demo.yaml). */
    static final String ALICE_TOTP_SECRET = "KRUGS4ZANFZSAYJAMRSW233TMVRXEZLU";

    @Test
    void alicePassesPasswordAndTotpAndIsSignedIn() throws Exception {
        try (var browser = new Browser()) {
            browser.driver.get(ArborSuite.PUBLIC_URL + "/ui/demo/?acr=password-otp");
            browser.await(By.id("sign-in")).click();
            browser.logInThroughDefaultUi("alice", ArborSuite.ALICE_PASSWORD);

            enterNextStepsCode(browser, TotpEnrolmentBrowserTest.totp(ALICE_TOTP_SECRET, System.currentTimeMillis() / 1000));

            browser.awaitText(By.id("subject-name"), "Alice Liddell");
        }
    }

    @Test
    void theThirdWrongPasswordLocksTheNameAndThePageSaysSo() throws Exception {
        try (var browser = new Browser()) {
            browser.driver.get(ArborSuite.PUBLIC_URL + "/ui/demo/?acr=password-lockout");
            browser.await(By.id("sign-in")).click();
            for (int attempt = 1; attempt <= 2; attempt++) {
                browser.logInThroughDefaultUi("mallory", "guess-" + attempt);
                browser.awaitText(By.id("login-error"), "Login failure");
                waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("IDToken1")));
            }

            browser.logInThroughDefaultUi("mallory", "guess-3");

            WebElement message = browser.await(By.cssSelector("#login-callbacks .message-error"));
            assertEquals("Too many failed attempts. Try again later.", message.getText());
        }
    }

    @Test
    void uiLocalesDeShowsTheLoginPageInGerman() throws Exception {
        try (var browser = new Browser()) {
            browser.driver.get(ArborSuite.PUBLIC_URL + "/ui/login/?realm=demo&ui_locales=de");

            WebElement label = browser.await(By.cssSelector("label[for=IDToken1]"));
            assertEquals("Benutzername", label.getText(), "the tree's prompt, in the journey's language");
            assertEquals("Anmelden", browser.driver.findElement(By.id("login-title")).getText());
            assertEquals("Anmelden", browser.driver.findElement(By.id("login-submit")).getText());
            assertTrue(browser.driver.getTitle().startsWith("Anmelden"), browser.driver.getTitle());
        }
    }

    /** Waits for the step after the password (its field replaces the password field), types the code, submits. */
    private static void enterNextStepsCode(Browser browser, String code) {
        WebElement password = browser.driver.findElement(By.cssSelector("input[type=password]"));
        waitFor(browser).until(ExpectedConditions.stalenessOf(password));
        browser.await(By.cssSelector("input[type=password]")).sendKeys(code);
        browser.driver.findElement(By.id("login-submit")).click();
    }

    private static WebDriverWait waitFor(Browser browser) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30));
    }
}
