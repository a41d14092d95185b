package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * TOTP enrolment in the default UI, in a real headless Chromium: bob has no TOTP secret, so the demo
 * realm's password-otp tree (once his first code attempt finds no secret) shows him a QR code and the same key as text; his "authenticator app" (this
 * test, RFC 6238 with the key it read off the page) answers the code, and he is signed in.
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TotpEnrolmentBrowserTest {
    static final String BOB_PASSWORD = "Looking-Glass-2026";

    @Test
    void bobScansTheQrCodeOrTypesTheKeyAndIsSignedIn() throws Exception {
        try (var browser = new Browser()) {
            browser.driver.get(ArborSuite.PUBLIC_URL + "/ui/demo/?acr=password-otp");
            browser.await(By.id("sign-in")).click();
            browser.logInThroughDefaultUi("bob", BOB_PASSWORD);
            // the tree asks for a code first; TotpDecision then finds bob has no secret and enrols him
            WebElement password = browser.driver.findElement(By.cssSelector("input[type=password]"));
            waitFor(browser).until(ExpectedConditions.stalenessOf(password));
            browser.await(By.cssSelector("input[type=password]")).sendKeys("000000");
            browser.driver.findElement(By.id("login-submit")).click();

            WebElement qr = browser.await(By.cssSelector("figure.totp-enrolment img"));
            assertTrue(qr.getAttribute("src").startsWith("data:image/svg+xml"), qr.getAttribute("src"));
            assertFalse(qr.getAttribute("alt").isBlank(), "the QR code has a text alternative");
            String key = browser.driver.findElement(By.cssSelector("figure.totp-enrolment .totp-key")).getText()
                    .replace(" ", "");
            assertTrue(key.matches("[A-Z2-7]{26,}=*"), "a base32 key is shown: " + key);

            WebElement code = browser.await(By.cssSelector("input[type=password]"));
            code.sendKeys(totp(key, System.currentTimeMillis() / 1000));
            browser.driver.findElement(By.id("login-submit")).click();

            browser.awaitText(By.id("subject-name"), "Bob Kingsley");
            assertEquals(0, browser.driver.findElements(By.cssSelector("figure.totp-enrolment")).size());
        }
    }

    /** RFC 6238 TOTP (HMAC-SHA1, 30 s steps, 6 digits), as an authenticator app computes it. */
    static String totp(String base32Key, long epochSeconds) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(base32(base32Key), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(epochSeconds / 30).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replace("=", "");
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static WebDriverWait waitFor(Browser browser) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30));
    }
}
