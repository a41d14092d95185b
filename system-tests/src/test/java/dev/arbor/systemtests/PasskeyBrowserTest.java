package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkeys in a real headless Chromium with a virtual CTAP2 platform authenticator (resident keys, user
 * verification), on {@code http://localhost:8080} (RP ID {@code localhost}, a secure context): alice registers a
 * passkey after her password (tree {@code passkey-register}), then signs in to the demo app with it and no
 * username (tree {@code passkey}, asked for with {@code acr_values}). W1 and W3/W4 of the WebAuthn test list.
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PasskeyBrowserTest {

    private static VirtualAuthenticatorOptions platformAuthenticator(boolean userVerified) {
        return new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(userVerified)
                .setIsUserConsenting(true);
    }

    private static void signInToTheDemoApp(Browser browser, String tree) {
        browser.driver.get(ArborSuite.PUBLIC_URL + "/ui/demo/?acr=" + tree);
        browser.await(By.id("sign-in")).click();
    }

    @Test
    void aliceRegistersAPasskeyAndThenSignsInWithItWithoutTypingHerUsername() throws Exception {
        try (var browser = new Browser()) {
            VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser.driver)
                    .addVirtualAuthenticator(platformAuthenticator(true));

            // Given alice proves her password, the registration step runs navigator.credentials.create() by itself
            signInToTheDemoApp(browser, "passkey-register");
            browser.logInThroughDefaultUi("alice", ArborSuite.ALICE_PASSWORD);
            browser.awaitText(By.id("subject-name"), "Alice Liddell");
            List<Credential> credentials = authenticator.getCredentials();
            assertEquals(1, credentials.size());
            assertTrue(credentials.getFirst().isResidentCredential(), "a discoverable credential (passkey)");
            int signCountAfterRegistration = credentials.getFirst().getSignCount();

            // When, with no session left, she signs in on the usernameless passkey tree
            browser.driver.manage().deleteAllCookies();
            signInToTheDemoApp(browser, "passkey");

            // Then no username was asked for, the passkey was used, and the app shows alice's claims
            browser.awaitText(By.id("subject-name"), "Alice Liddell");
            String claims = browser.driver.findElement(By.id("claims")).getText();
            assertTrue(claims.contains("alice@example.com"), claims);
            assertTrue(authenticator.getCredentials().getFirst().getSignCount() > signCountAfterRegistration,
                    "the passkey signed the assertion");
        }
    }

    @Test
    void authenticatorWithoutUserVerificationCannotRegisterWhereItIsRequiredAndTryAgainWorksOnceItCan()
            throws Exception {
        try (var browser = new Browser()) {
            VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser.driver)
                    .addVirtualAuthenticator(platformAuthenticator(false));

            // Given userVerification: required and an authenticator that fails user verification
            signInToTheDemoApp(browser, "passkey-register");
            browser.logInThroughDefaultUi("alice", ArborSuite.ALICE_PASSWORD);

            // Then the ceremony is refused: a clear message and a "Try again" button, no passkey, no session
            browser.awaitText(By.id("credential-error"), "cancelled or timed out");
            assertTrue(authenticator.getCredentials().isEmpty());
            assertTrue(browser.driver.getCurrentUrl().contains("/ui/login"), browser.driver.getCurrentUrl());

            // When the person verifies this time and presses "Try again", the same step completes
            authenticator.setUserVerified(true);
            browser.await(By.id("credential-retry")).click();
            browser.awaitText(By.id("subject-name"), "Alice Liddell");
            assertEquals(1, authenticator.getCredentials().size());
        }
    }
}
