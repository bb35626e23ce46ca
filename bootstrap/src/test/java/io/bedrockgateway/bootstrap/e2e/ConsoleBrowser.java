package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driving the operator console: Debian's {@code chromium} and {@code
 * chromedriver} (or the ones named by {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER}). Without
 * them the tests are skipped, not failed. Nothing is downloaded: Selenium Manager is never asked.
 */
final class ConsoleBrowser implements AutoCloseable {
  static final Dimension DESKTOP = new Dimension(1280, 800);
  static final Dimension PHONE = new Dimension(390, 844);

  /** A hang guard, not a timing assertion: every wait ends as soon as its condition holds. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final Path downloads;
  private final Path screenshots;

  private ConsoleBrowser(ChromeDriver driver, Path downloads, Path screenshots) {
    this.driver = driver;
    this.downloads = downloads;
    this.screenshots = screenshots;
    this.wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(50));
    wait.ignoring(StaleElementReferenceException.class); // a view re-rendered while looked at
  }

  /** A browser at 1280×800, or the test is skipped when Chromium or its driver is missing. */
  static ConsoleBrowser startOrSkip(Path downloads, Path screenshots) {
    Optional<Path> browser =
        executable("CHROMIUM_BINARY", "chromium", "chromium-browser", "google-chrome");
    Optional<Path> chromedriver = executable("CHROMEDRIVER", "chromedriver");
    assumeTrue(
        browser.isPresent() && chromedriver.isPresent(),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.get().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,800",
        "--lang=en-US");
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.get().toFile())
            .usingAnyFreePort()
            .build();
    return new ConsoleBrowser(new ChromeDriver(service, options), downloads, screenshots);
  }

  void open(String url) {
    driver.get(url);
  }

  String url() {
    return driver.getCurrentUrl();
  }

  /** Goes to a view of the console, e.g. {@code #/keys}, and waits for its heading. */
  void go(String hash, String heading) {
    script("location.hash = arguments[0]", hash);
    waitForHeading(heading);
  }

  /** Loads the page again (the tab's session storage stays) and waits for the heading. */
  void reload(String heading) {
    driver.navigate().refresh();
    waitForHeading(heading);
  }

  void waitForHeading(String heading) {
    wait.until(
        ignored ->
            Boolean.TRUE.equals(
                script(
                    "const h = document.querySelector('main h1');"
                        + " return !!h && h.textContent.startsWith(arguments[0])"
                        + " && !document.querySelector('main [aria-busy]');",
                    heading)));
  }

  WebElement element(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> elements(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  Optional<WebElement> find(String css) {
    return driver.findElements(By.cssSelector(css)).stream().findFirst();
  }

  String text(String css) {
    return wait.until(
        browser -> {
          WebElement element = browser.findElement(By.cssSelector(css));
          return element.isDisplayed() ? element.getText().strip() : null;
        });
  }

  /** Waits until the element's text is {@code expected}. */
  void waitForText(String css, String expected) {
    wait.until(ExpectedConditions.textToBe(By.cssSelector(css), expected));
  }

  void type(String css, String text) {
    WebElement field = element(css);
    field.clear();
    field.sendKeys(text);
  }

  void click(String css) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }

  Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
  }

  String source() {
    return driver.getPageSource();
  }

  WebElement active() {
    return driver.switchTo().activeElement();
  }

  void resize(Dimension size) {
    driver.manage().window().setSize(size);
  }

  /** Writes the whole page, as tall as it is, to {@code target/console-screenshots/<name>.png}. */
  void screenshot(String name) {
    Number width = (Number) script("return window.innerWidth");
    Number height = (Number) script("return document.documentElement.scrollHeight");
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    try {
      Files.createDirectories(screenshots);
      Files.write(
          screenshots.resolve(name + ".png"),
          Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** Clicks {@code css} and returns the text of the file it downloads. */
  String download(String css) {
    try {
      Files.createDirectories(downloads);
      try (Stream<Path> old = Files.list(downloads)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
      click(css);
      Path file =
          wait.until(
              ignored -> {
                try (Stream<Path> files = Files.list(downloads)) {
                  return files
                      .filter(path -> path.toString().endsWith(".csv"))
                      .findFirst()
                      .orElse(null);
                } catch (IOException unreadable) {
                  throw new UncheckedIOException(unreadable);
                }
              });
      return Files.readString(file);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** The browser console's errors (a CSP violation or a failed script is one). */
  List<String> errors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  void assertNoErrors() {
    assertThat(errors()).as("errors in the browser's console").isEmpty();
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static Optional<Path> executable(String variable, String... names) {
    Optional<Path> named =
        Optional.ofNullable(System.getenv(variable)).map(Path::of).filter(Files::isExecutable);
    if (named.isPresent()) {
      return named;
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
    for (String name : names) {
      for (String directory : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(directory, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
