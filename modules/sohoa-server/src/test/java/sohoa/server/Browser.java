package sohoa.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (nothing downloaded), with
 * the flags this closed network needs, at the viewport of a common phone (390 x 844).
 */
final class Browser {
  private Browser() {}

  static WebDriver phone() {
    ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage");
    // A window cannot be narrower than 500 px in headless Chromium: emulate the phone instead.
    options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
        "width", 390, "height", 844, "pixelRatio", 3.0, "touch", true)));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }
}
