package dev.tollgate.bootstrap.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;

/** Debian's chromium, headless, driven through Debian's chromedriver (installed by scripts/test). */
public final class HeadlessChromium {

    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    /** JUL holds loggers weakly: keep this one, or its level is lost. */
    private static final java.util.logging.Logger CDP_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private HeadlessChromium() {
    }

    /** A new browser window of {@code width}×{@code height}; the caller quits it. */
    public static WebDriver start(int width, int height) {
        assertTrue(new File(CHROMEDRIVER).canExecute() && new File(CHROMIUM).canExecute(),
                "Debian's chromium and chromium-driver are needed: run scripts/test, which installs them");
        CDP_LOG.setLevel(java.util.logging.Level.OFF);
        ChromeDriverService service = new ChromeDriverService.Builder()
                // an explicit driver: Selenium Manager never tries to download one
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogLevel(ChromiumDriverLogLevel.OFF)
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height);
        options.setPageLoadTimeout(Duration.ofSeconds(20));
        return new ChromeDriver(service, options);
    }
}
