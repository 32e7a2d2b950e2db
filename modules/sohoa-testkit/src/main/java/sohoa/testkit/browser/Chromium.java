package sohoa.testkit.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (nothing downloaded), with
 * the flags this closed network needs: at the viewport of a common phone, or of an office PC.
 */
public final class Chromium {
  private Chromium() {}

  /** A phone (390 x 844 CSS pixels, 3x). */
  public static WebDriver phone() {
    ChromeOptions options = options();
    // A window cannot be narrower than 500 px in headless Chromium: emulate the phone instead.
    options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
        "width", 390, "height", 844, "pixelRatio", 3.0, "touch", true)));
    return start(options);
  }

  /** An office PC's screen, 1366 x 768. */
  public static WebDriver desktop() {
    return start(options().addArguments("--window-size=1366,768"));
  }

  /** Saves what the browser shows as {@code file} (PNG), for a test's artifacts. */
  public static Path screenshot(WebDriver browser, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    return Files.write(file, png);
  }

  /** Saves the whole page, beyond the window, as {@code file} (PNG). */
  @SuppressWarnings("unchecked")
  public static Path fullPage(WebDriver browser, Path file) throws IOException {
    ChromeDriver chrome = (ChromeDriver) browser;
    Map<String, Object> size = (Map<String, Object>) chrome.executeCdpCommand(
        "Page.getLayoutMetrics", Map.of()).get("cssContentSize");
    Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
            "width", size.get("width"), "height", size.get("height"), "scale", 1)));
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
  }

  private static ChromeOptions options() {
    return new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--allow-file-access-from-files");
  }

  private static WebDriver start(ChromeOptions options) {
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }
}
