package io.vocmonitor.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for the browser tests: Debian's {@code chromium} driven by its {@code chromedriver}, with no
 * network beyond this machine. Under CI (environment {@code CI=true}) missing binaries fail the test; elsewhere the
 * test is skipped with the command that installs them. Also finds axe-core for the accessibility checks.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String INSTALL = "apt-get install -y chromium chromium-driver";

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A browser window of the given width (a phone's is 400). */
    static Browser open(int width, int height) {
        requireTool(CHROMIUM, "chromium", INSTALL);
        requireTool(CHROMEDRIVER, "chromedriver", INSTALL);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--hide-scrollbars", "--window-size=" + width + "," + height, "--lang=en-GB");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    /** axe-core's script: {@code VOC_AXE_JS}, or where {@code .ci/run} and the README install it. */
    static String axeScript(Path repository) throws IOException {
        String configured = System.getenv("VOC_AXE_JS");
        Path script = configured != null ? Path.of(configured)
                : repository.resolve(".npm-tools/node_modules/axe-core/axe.min.js");
        requireTool(script, "axe-core", "npm install --prefix .npm-tools axe-core@4");
        return Files.readString(script);
    }

    /** Fails under CI, skips elsewhere, when a tool the browser tests need is not installed. */
    static void requireTool(Path tool, String name, String install) {
        if (Files.exists(tool)) {
            return;
        }
        String message = name + " is not installed (" + tool + "): " + install;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
    }

    /** What the page wrote to its console since last asked: for the message of a failed test. */
    String consoleLog() {
        return String.join("\n", driver.manage().logs().get("browser").getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList());
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * An attribute of the element with the test hook {@code data-testid}, read in one step (a live update may
     * replace the element at any moment); null when there is no such element or attribute.
     */
    String attribute(String testid, String name) {
        return (String) script("return document.querySelector(arguments[0])?.getAttribute(arguments[1]) ?? null;",
                "[data-testid='" + testid + "']", name);
    }

    /** The text of the element with the test hook, as shown, read in one step like {@link #attribute}. */
    String text(String testid) {
        return (String) script("return document.querySelector(arguments[0])?.innerText ?? null;",
                "[data-testid='" + testid + "']");
    }

    /**
     * The axe-core violations of impact serious or critical on the page, as "rule: where" lines. axe's own
     * color-contrast check is included; ECharts' canvases are images with a text alternative.
     */
    @SuppressWarnings("unchecked")
    List<String> seriousViolations(String axe) {
        script(axe);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => "
                        + "({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3) }))));");
        return ((List<Map<String, Object>>) result).stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + ": " + v.get("nodes"))
                .toList();
    }

    /** Saves what the window shows as a PNG under the screenshots folder. */
    Path screenshot(String name) throws IOException {
        Path folder = Path.of(System.getProperty("voc.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
