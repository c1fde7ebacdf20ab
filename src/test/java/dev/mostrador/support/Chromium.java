package dev.mostrador.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One headless Chromium per test JVM, started on first use and quit at the end of the run
 * ({@link ChromiumExtension}). Uses the Debian
 * packages /usr/bin/chromium and /usr/bin/chromedriver explicitly, so Selenium Manager never
 * downloads anything; when they are missing, browser tests are skipped (JUnit assumption).
 */
public final class Chromium {
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final Duration WAIT = Duration.ofSeconds(10);

    // Selenium warns that it has no CDP bindings for this Chromium version; the tests use none.
    private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private static ChromeDriver driver;
    private static Path profile;
    private static boolean skipNoticePrinted;

    private Chromium() {}

    /** The shared driver; skips the calling test when Chromium or its driver is not installed. */
    public static synchronized ChromeDriver driver() {
        assumeInstalled();
        if (driver == null) driver = start();
        return driver;
    }

    public static void assumeInstalled() {
        String missing = !Files.isExecutable(BROWSER) ? BROWSER.toString()
                : !Files.isExecutable(DRIVER) ? DRIVER.toString() : null;
        if (missing != null) {
            String reason = "[browser tests] skipped: " + missing + " not installed — .ci/run installs it";
            synchronized (Chromium.class) {
                if (!skipNoticePrinted) {
                    System.out.println(reason);
                    skipNoticePrinted = true;
                }
            }
            Assumptions.assumeTrue(false, reason);
        }
    }

    /** Whether the shared browser is running (a failed test's screenshot must not start one). */
    public static synchronized boolean started() {
        return driver != null;
    }

    /** Quits the shared browser and deletes its profile; the next {@link #driver()} starts a new one. */
    public static synchronized void quit() {
        if (driver == null) return;
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // the browser may already be gone; its profile is deleted below all the same
        }
        driver = null;
        deleteQuietly(profile);
    }

    /** Opens {@code path} of the test app, e.g. {@code "/login"}. */
    public static ChromeDriver open(String path) {
        ChromeDriver d = driver();
        d.get(TestApp.baseUrl() + path);
        return d;
    }

    /** The shared browser, cleared for the next test: no cookies, desktop size. Skips the test when Chromium is not installed. */
    public static ChromeDriver fresh() {
        ChromeDriver d = driver();
        clearCookies();
        desktop();
        return d;
    }

    /** Forgets the session: deletes the test app's cookies (from a same-origin page that never redirects). */
    public static void clearCookies() {
        open("/static/css/app.css");
        driver().manage().deleteAllCookies();
    }

    /** The HTTP status of the document now shown (Navigation Timing), e.g. 422 for a rejected form. */
    public static int documentStatus() {
        Object s = driver().executeScript("return performance.getEntriesByType('navigation')[0].responseStatus;");
        return ((Number) s).intValue();
    }

    /** How many CSS pixels the page is wider than the viewport (0 when nothing overflows sideways). */
    public static long horizontalOverflow() {
        Object s = driver().executeScript(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth;");
        return ((Number) s).longValue();
    }

    /**
     * Clicks a link or submit button and waits until the next page replaced this one. The target
     * is found again if the page replaced it between finding and clicking.
     */
    public static void clickAndWait(By target) {
        ChromeDriver d = driver();
        for (int attempt = 1; ; attempt++) {
            WebElement html = d.findElement(By.tagName("html"));
            try {
                d.findElement(target).click();
            } catch (WebDriverException e) {
                if (attempt == 3 || !isStale(e)) throw e;
                continue;
            }
            waiting().until(x -> isGone(html));
            waiting().until(x -> "complete".equals(d.executeScript("return document.readyState")));
            return;
        }
    }

    /**
     * Whether the page that held this element has been replaced. Selenium's stalenessOf only knows
     * StaleElementReferenceException; Chrome sometimes answers a node of a page being replaced
     * with an "unknown error" that the node "does not belong to the document" instead.
     */
    public static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            if (isStale(e)) return true;
            throw e;
        }
    }

    private static boolean isStale(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    public static WebDriverWait waiting() {
        return new WebDriverWait(driver(), WAIT);
    }

    /** Resizes the window to a phone (390×844 CSS pixels). */
    public static void phone() {
        resize(PHONE);
    }

    /** Back to the desktop window (1280×900). */
    public static void desktop() {
        resize(DESKTOP);
    }

    private static void resize(Dimension size) {
        ChromeDriver d = driver();
        d.manage().window().setSize(size);
        // The layout width must really be the requested one, or phone screenshots would lie.
        waiting().withMessage(() -> "viewport width never became " + size.getWidth() + " (is "
                        + viewportWidth() + ")")
                .until(x -> viewportWidth() == size.getWidth());
    }

    /** The layout viewport width in CSS pixels (window.innerWidth). */
    public static long viewportWidth() {
        Object w = ((JavascriptExecutor) driver()).executeScript("return window.innerWidth;");
        return ((Number) w).longValue();
    }

    /** Saves the visible window as target/screenshots/{name}.png and returns its path. */
    public static Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, driver().getScreenshotAs(OutputType.BYTES));
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves the whole page, not only the visible window, as target/screenshots/{name}.png (through the
     * DevTools protocol: Page.captureScreenshot beyond the viewport) and returns its path.
     */
    public static Path screenshotFullPage(String name) {
        ChromeDriver d = driver();
        Object size = d.executeScript("const e = document.documentElement;"
                + " return [Math.max(e.scrollWidth, document.body.scrollWidth, window.innerWidth),"
                + " Math.max(e.scrollHeight, document.body.scrollHeight)];");
        java.util.List<?> wh = (java.util.List<?>) size;
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) wh.get(0)).longValue(), "height", ((Number) wh.get(1)).longValue());
        Map<String, Object> shot = d.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, java.util.Base64.getDecoder().decode((String) shot.get("data")));
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChromeDriver start() {
        CDP_LOG.setLevel(Level.SEVERE);
        long t0 = System.nanoTime();
        try {
            profile = Files.createTempDirectory("mostrador-chromium-");
            Files.createDirectories(Path.of("target"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(),
                "--lang=es-CL",
                // A camera that films FakeCamera's file, allowed without asking (the merchant portal's QR scan).
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + FakeCamera.FILE);
        FakeCamera.blank();
        // Headless ignores --lang for Accept-Language; the app's pages before sign-in follow that header.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-CL,es"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Path.of("target", "chromedriver.log").toFile())
                .build();
        ChromeDriver d = new ChromeDriver(service, options);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // ChromiumExtension quits at the end of the test run; this is for a run that never gets there.
        Runtime.getRuntime().addShutdownHook(new Thread(Chromium::quit, "chromium-quit"));
        System.out.printf("[browser tests] %s started in %d ms%n", d.getCapabilities().getBrowserName() + " "
                + d.getCapabilities().getBrowserVersion(), (System.nanoTime() - t0) / 1_000_000);
        return d;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temp profile is harmless
        }
    }
}
