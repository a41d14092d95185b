package dev.arbor.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The default login UI as a person meets it, in a real headless Chromium at a desktop (1280×800) and a
 * phone (390×844) viewport: the username page, the one-time-password page of tree password-otp and the
 * page after a wrong password pass axe-core with no serious or critical violation, and each is saved as
 * a PNG under target/screenshots (docs/images holds a reviewed copy).
 *
 * <p>axe-core comes from npm, pinned in package.json / package-lock.json and installed by {@code npm ci}
 * in the test phase.
 */
@QuarkusTest
@WithTestResource(value = ArborSuite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DefaultUiQualityTest {
    private static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String axeSource;

    private enum Viewport {
        DESKTOP(1280, 800, false), MOBILE(390, 844, true);
        final int width;
        final int height;
        final boolean mobile;

        Viewport(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    @BeforeAll
    static void loadAxe() throws IOException {
        assertTrue(Files.isRegularFile(AXE), "axe-core is installed by `npm ci` in system-tests (exec-maven-plugin)");
        axeSource = Files.readString(AXE);
    }

    @Test
    void loginAndOneTimePasswordPagesPassAxeAtDesktopAndPhoneWidths() throws Exception {
        var problems = new ArrayList<String>();
        for (Viewport viewport : Viewport.values()) {
            try (var browser = new Browser()) {
                browser.viewport(viewport.width, viewport.height, viewport.mobile);
                // the demo app asks for tree password-otp (acr_values); federation sends the browser to the login UI
                browser.driver.get(ArborSuite.PUBLIC_URL + "/ui/demo/?acr=password-otp");
                browser.await(By.id("sign-in")).click();

                browser.await(By.id("IDToken1"));
                check(browser, "login-" + viewport.name().toLowerCase(), problems);

                browser.logInThroughDefaultUi("alice", ArborSuite.ALICE_PASSWORD);
                browser.awaitText(By.cssSelector("label[for=IDToken1]"), "One Time Password");
                check(browser, "otp-" + viewport.name().toLowerCase(), problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theLoginFailurePagePassesAxeAtDesktopAndPhoneWidths() throws Exception {
        var problems = new ArrayList<String>();
        for (Viewport viewport : Viewport.values()) {
            try (var browser = new Browser()) {
                browser.viewport(viewport.width, viewport.height, viewport.mobile);
                browser.driver.get(ArborSuite.PUBLIC_URL + "/ui/login/?realm=demo");

                browser.logInThroughDefaultUi("alice", "not-her-password");
                browser.awaitText(By.id("login-error"), "Login failure");
                check(browser, "error-" + viewport.name().toLowerCase(), problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * A password login through the default UI, from the relying party's authorize request to the redirect
     * back to it: every request of the login goes to Arbor's own origin (no CDN, font or analytics), and its
     * requests and transferred bytes are written to target/ui-network.md (docs/benchmarks.md).
     */
    @Test
    void aPasswordLoginLoadsNothingFromAnotherOriginAndItsRequestsAreCounted() throws Exception {
        List<NetworkLog.Request> login;
        try (var browser = new Browser(true)) {
            browser.driver.get(ArborSuite.PUBLIC_URL + "/ui/demo/");
            browser.await(By.id("sign-in"));
            browser.networkEvents(); // what the demo app itself loaded is not the login's

            browser.driver.findElement(By.id("sign-in")).click();
            browser.logInThroughDefaultUi("alice", ArborSuite.ALICE_PASSWORD);
            browser.awaitText(By.id("subject-name"), "Alice Liddell");

            List<NetworkLog.Request> all = NetworkLog.of(browser.networkEvents());
            int back = indexOf(all, ArborSuite.PUBLIC_URL + "/ui/demo/?");
            login = all.subList(indexOf(all, ArborSuite.PUBLIC_URL + "/realms/demo/oauth2/authorize?"), back + 1);
        }
        var lines = new ArrayList<String>();
        lines.add("| # | method | path | transferred bytes |");
        lines.add("|---|---|---|---|");
        long total = 0;
        long uiFiles = 0;
        int uiFileCount = 0;
        for (int i = 0; i < login.size(); i++) {
            NetworkLog.Request r = login.get(i);
            assertTrue(r.url().startsWith(ArborSuite.PUBLIC_URL + "/"), "the login loaded " + r.url());
            String path = r.url().substring(ArborSuite.PUBLIC_URL.length()).replaceAll("\\?.*", "?…");
            lines.add("| " + (i + 1) + " | " + r.method() + " | `" + path + "` | " + r.transferredBytes() + " |");
            total += r.transferredBytes();
            if (path.startsWith("/ui/") && !path.startsWith("/ui/demo/")) {
                uiFiles += r.transferredBytes();
                uiFileCount++;
            }
        }
        lines.add("");
        lines.add("requests: " + login.size() + ", transferred: " + total + " bytes; of which the login UI's own files "
                + "(page, scripts, stylesheet, realm config): " + uiFileCount + " requests, " + uiFiles + " bytes");
        assertTrue(login.stream().filter(r -> r.url().contains("/realms/demo/authenticate")).count() >= 3,
                "the login page drove the journey API (start, username, password)");
        Files.writeString(Path.of("target", "ui-network.md"), String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    private static int indexOf(List<NetworkLog.Request> requests, String urlPrefix) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).url().startsWith(urlPrefix)) {
                return i;
            }
        }
        throw new AssertionError("no request to " + urlPrefix + " in " + requests);
    }

    /** Saves the screenshot, runs axe, and adds every serious or critical violation to {@code problems}. */
    private static void check(Browser browser, String page, List<String> problems) throws IOException {
        browser.screenshot(page);
        JsonNode violations = axe(browser);
        for (JsonNode violation : violations) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                var targets = new ArrayList<String>();
                violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                problems.add(page + ": " + impact + " " + violation.path("id").asText() + " — "
                        + violation.path("help").asText() + " " + targets);
            } else {
                System.out.println("axe " + page + " (" + impact + "): " + violation.path("id").asText());
            }
        }
    }

    /** Injects axe-core into the page (WebDriver scripts are not subject to the page's CSP) and runs it. */
    static JsonNode axe(Browser browser) throws IOException {
        browser.driver.executeScript(axeSource);
        Object result = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({ error: String(e) })));
                """);
        JsonNode violations = JSON.readTree(String.valueOf(result));
        assertEquals(false, violations.has("error"), "axe.run failed: " + violations);
        return violations;
    }
}
