package dev.arbor.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (never a downloaded browser), with a
 * fresh profile per instance so no cookie survives from one test to the next.
 */
final class Browser implements AutoCloseable {
    private static final String CHROMIUM = System.getProperty("arbor.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("arbor.chromedriver", "/usr/bin/chromedriver");

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;

    Browser() throws IOException {
        this(false);
    }

    /**
     * @param networkLog whether chromedriver records the DevTools Network events of every page
     *                   ({@link #networkEvents()}), for counting requests and bytes
     */
    Browser(boolean networkLog) throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver); .ci/run installs them");
        }
        profile = Files.createTempDirectory("arbor-chromium");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        if (networkLog) {
            var logging = new LoggingPreferences();
            logging.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
        }
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    WebElement await(By locator) {
        return wait.until(acrossNavigation(ExpectedConditions.visibilityOfElementLocated(locator)));
    }

    /**
     * {@code condition}, asked again when the page navigated while it was being checked: Chromium then
     * answers "no such execution context" (the document the query ran in is gone), which is not an
     * answer about the element. Any other error still ends the wait.
     */
    static <T> ExpectedCondition<T> acrossNavigation(ExpectedCondition<T> condition) {
        return page -> {
            try {
                return condition.apply(page);
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("no such execution context")) {
                    return null;
                }
                throw e;
            }
        };
    }

    void awaitText(By locator, String text) {
        try {
            wait.until(acrossNavigation(ExpectedConditions.textToBePresentInElementLocated(locator, text)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no '" + text + "' in " + locator + " on " + driver.getCurrentUrl()
                    + "; the page says: " + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Types the credentials into the default login UI, one journey step at a time. */
    void logInThroughDefaultUi(String username, String password) {
        await(By.id("IDToken1")).sendKeys(username);
        driver.findElement(By.id("login-submit")).click();
        WebElement passwordField = await(By.cssSelector("input[type=password]"));
        passwordField.sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    /**
     * Makes the viewport {@code width}×{@code height} CSS pixels (DevTools device metrics, so it is the
     * page's viewport whatever the window decorations); {@code mobile} also turns on mobile viewport rules.
     */
    void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", mobile ? 2 : 1, "mobile", mobile));
    }

    /** Saves a PNG of the viewport to target/screenshots/{name}.png. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Waits for a second window (a popup the page opened) and switches to it; returns the first one's handle. */
    String switchToPopup() {
        String opener = driver.getWindowHandle();
        wait.until(d -> d.getWindowHandles().size() > 1);
        String popup = driver.getWindowHandles().stream().filter(h -> !h.equals(opener)).findFirst().orElseThrow();
        driver.switchTo().window(popup);
        return opener;
    }

    /** The DevTools events recorded since the last call (needs {@code new Browser(true)}), as raw JSON. */
    List<String> networkEvents() {
        var events = new ArrayList<String>();
        driver.manage().logs().get(LogType.PERFORMANCE).forEach(entry -> events.add(entry.getMessage()));
        return events;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
