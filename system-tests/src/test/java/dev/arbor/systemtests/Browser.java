package dev.arbor.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (never a downloaded browser), with a
 * fresh profile per instance so no cookie survives from one test to the next.
 */
final class Browser implements AutoCloseable {
    private static final String CHROMIUM = System.getProperty("arbor.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("arbor.chromedriver", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    Browser() throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver); .ci/run installs them");
        }
        profile = Files.createTempDirectory("arbor-chromium");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    WebElement await(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void awaitText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Types the credentials into the default login UI, one journey step at a time. */
    void logInThroughDefaultUi(String username, String password) {
        await(By.id("IDToken1")).sendKeys(username);
        driver.findElement(By.id("login-submit")).click();
        WebElement passwordField = await(By.cssSelector("input[type=password]"));
        passwordField.sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
