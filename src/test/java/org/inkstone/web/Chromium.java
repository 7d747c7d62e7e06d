package org.inkstone.web;

import java.io.File;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The browser of the browser tests: Debian's headless {@code chromium} driven through
 * {@code /usr/bin/chromedriver} (package {@code chromium-driver}; Selenium never downloads a
 * driver here), 1400×1000 CSS px, with a profile of its own.
 */
final class Chromium {

    static final String BINARY = "/usr/bin/chromium", DRIVER = "/usr/bin/chromedriver";

    private Chromium() {
    }

    /**
     * @param profile folder for the browser's profile
     * @return the started browser
     */
    static WebDriver start(Path profile) {
        System.setProperty("webdriver.chrome.driver", DRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        return new ChromeDriver(service, options);
    }

    /** Quits the browser, then closes the application, each if started. */
    static void stop(WebDriver browser, ConfigurableApplicationContext app) {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }
}
