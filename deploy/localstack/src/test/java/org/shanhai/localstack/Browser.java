package org.shanhai.localstack;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through its chromedriver, started once per test JVM and
 * shared by the console's browser tests (a browser takes seconds to start on two cores). No browser
 * is downloaded: where Chromium is not installed the tests are skipped, saying how to get it;
 * .ci/run installs it, so CI runs them.
 */
final class Browser {

  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
  /** A phone as the officers hold one: 375 CSS pixels wide. */
  static final int PHONE_WIDTH = 375;

  private static ChromeDriver driver;

  private Browser() {
  }

  static synchronized ChromeDriver get() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Chromium is not installed here "
        + "(apt-get install chromium chromium-driver, or set CHROMIUM and CHROMEDRIVER); .ci/run installs it, so CI runs this");
    if (driver == null) {
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
          .usingAnyFreePort().build();
      // The flags keep Chromium off the network it has no business with: this machine refuses it anyway.
      ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
          .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
              "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--user-data-dir=" + Files.createTempDirectory("shanhai-chromium"), "--window-size=1280,900",
              "--lang=zh-CN");
      // Commands wait for the document, not for every last resource: a slow one on a busy two-core machine
      // must not hold the test (the tests wait for what they look at themselves).
      options.setPageLoadStrategy(PageLoadStrategy.EAGER);
      driver = new ChromeDriver(service, options);
      // Generous: the first pages of a freshly started stack (and Keycloak's login theme) render slowly on two cores.
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
      Runtime.getRuntime().addShutdownHook(new Thread(driver::quit, "chromium-stop"));
    }
    return driver;
  }

  /** Shows pages as a 375-pixel-wide phone does (touch, device pixels), until {@link #desktop}. */
  static void phone(ChromeDriver browser) {
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", PHONE_WIDTH, "height", 812, "deviceScaleFactor", 2, "mobile", true));
  }

  static void desktop(ChromeDriver browser) {
    browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /**
   * Saves what the browser shows as {@code target/screenshots/NAME.png}; with
   * {@code -Dscreenshots.write=true} also into {@code docs/screenshots}, which the README shows.
   */
  static void screenshot(ChromeDriver browser, String name) throws IOException {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Path saved = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
    Files.copy(shot.toPath(), saved, StandardCopyOption.REPLACE_EXISTING);
    if (Boolean.getBoolean("screenshots.write")) {
      Files.copy(saved, Files.createDirectories(RunningStack.REPOSITORY.resolve(Path.of("docs", "screenshots")))
          .resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
