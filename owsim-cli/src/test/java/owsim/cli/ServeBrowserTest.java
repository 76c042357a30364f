package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import owsim.web.ServerOptions;
import owsim.web.WebServer;

/**
 * The pages of {@code owsim serve} in a real browser (headless Chromium through chromedriver):
 * each loads with no console error, a form change redraws its chart, a bad value shows the
 * field's message, an agent run shows progress and can be cancelled, a run of the bundled uncertainty
 * file starts and can be cancelled, an uploaded uncertainty file's mistake is shown at its line and field
 * and the file then runs to the claims' shares. Skipped (an assumption, not a failure) only when chromedriver is not
 * installed; the CI script installs it. With {@code -Dowsim.screenshots=DIR} each page's screenshot is written there (docs/screenshots).
 */
class ServeBrowserTest {
    private static final List<String> PAGES = List.of("cost", "market", "agent", "claims", "experiments");
    @TempDir static Path data;
    @TempDir static Path profile;
    private static WebServer server;
    private static WebDriver browser;

    /** chromedriver from OWSIM_CHROMEDRIVER, else the usual Debian place, else on the PATH; null if none. */
    static Path chromedriver() {
        String env = System.getenv("OWSIM_CHROMEDRIVER");
        if (env != null && Files.isExecutable(Path.of(env))) return Path.of(env);
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "chromedriver");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    @BeforeAll static void start() throws IOException {
        Path driver = chromedriver();
        assumeTrue(driver != null, "chromedriver is not installed (apt-get install chromium chromium-driver); browser tests skipped");
        Cli sweep = Cli.run("sweep", "../experiments/small-grid.yaml", "--out", data.resolve("small-grid.duckdb").toString(), "--threads", "1");
        assertThat(sweep.exit()).as(sweep.err()).isZero();
        server = WebServer.start(ServerOptions.defaults(ServerOptions.LOOPBACK, 0, data).withLimits(256 * 1024, 2, 8, 600, 2_000_000),
            new WebCommands());
        ChromeOptions options = new ChromeOptions();
        for (String binary : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(binary))) {
                options.setBinary(binary);
                break;
            }
        }
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--window-size=1360,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private static void open(String page) {
        browser.get(server.url().replace("127.0.0.1", "localhost") + page + ".html");
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(300));
    }

    private static String state() {
        return browser.findElement(By.tagName("body")).getAttribute("data-state");
    }

    private static void settled() {
        waiting().until(d -> {
            String s = state();
            return s != null && !s.equals("loading") && !s.equals("running");
        });
    }

    private static List<LogEntry> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    }

    @Test void everyPageLoadsWithNoConsoleError() throws IOException {
        String shots = System.getProperty("owsim.screenshots");
        for (String page : PAGES) {
            consoleErrors();
            open(page);
            settled();
            if (page.equals("agent")) {
                browser.findElement(By.name("users")).clear();
                browser.findElement(By.name("users")).sendKeys("50000");
                browser.findElement(By.name("months")).clear();
                browser.findElement(By.name("months")).sendKeys("24");
                browser.findElement(By.id("start")).click();
                waiting().until(d -> "done".equals(state()));
            }
            assertThat(state()).as(page).isIn("ready", "done");
            assertThat(consoleErrors()).as(page + ": console errors").isEmpty();
            assertThat(browser.findElements(By.cssSelector("canvas"))).as(page + ": charts drawn").isNotEmpty();
            if (shots != null) {
                Path dir = Path.of(shots);
                Files.createDirectories(dir);
                Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(png, dir.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test void aFormChangeRedrawsTheCostChart() {
        open("cost");
        settled();
        WebElement pareto = browser.findElement(By.id("pareto"));
        String before = pareto.getAttribute("data-request");
        new Select(browser.findElement(By.name("weights"))).selectByVisibleText("fp8");
        waiting().until(d -> !before.equals(pareto.getAttribute("data-request")) && "ready".equals(state()));
        assertThat(pareto.getAttribute("data-request")).contains("weights=fp8");
        assertThat(Integer.parseInt(pareto.getAttribute("data-points"))).isPositive();
        // The chart module's SVG, inline: one dot per point, each naming its operating point on hover.
        assertThat(pareto.findElements(By.cssSelector("svg circle"))).hasSize(Integer.parseInt(pareto.getAttribute("data-points")));
        assertThat(browser.findElement(By.id("pareto-download")).getAttribute("href")).contains("/api/cost/pareto.svg?").contains("weights=fp8");
        // The address holds the inputs, so the link shares the answer.
        assertThat(browser.getCurrentUrl()).contains("weights=fp8").contains("model=llama-3.1-70b");
    }

    @Test void aBadValueShowsTheFieldsMessage() {
        open("cost");
        settled();
        WebElement gpus = browser.findElement(By.name("gpus"));
        gpus.sendKeys("0");
        waiting().until(d -> "error".equals(state()));
        String message = browser.findElement(By.cssSelector(".field-error[data-field='gpus']")).getText();
        String cli = Cli.run("cost", "serve", "--model", "llama-3.1-70b", "--hardware", "h100-sxm", "--gpus", "0").err()
            .lines().findFirst().orElseThrow().substring("owsim: ".length());
        assertThat(message).isEqualTo(cli);
        assertThat(gpus.getAttribute("class")).contains("invalid");
    }

    @Test void aMarketParameterChangeRunsAgain() {
        open("market");
        settled();
        WebElement charts = browser.findElement(By.id("charts"));
        String before = charts.getAttribute("data-run");
        WebElement spill = browser.findElement(By.name("technology.spilloverPerMonth"));
        spill.clear();
        spill.sendKeys("0.1");
        waiting().until(d -> !before.equals(charts.getAttribute("data-run")) && "ready".equals(state()));
        browser.findElement(By.id("pin")).click();
        spill.clear();
        spill.sendKeys("7");
        waiting().until(d -> "error".equals(state()));
        assertThat(browser.findElement(By.cssSelector(".field-error[data-field='technology.spilloverPerMonth']")).getText())
            .contains("spilloverPerMonth");
    }

    @Test void anAgentRunShowsProgressAndCanBeCancelled() {
        open("agent");
        browser.findElement(By.name("users")).clear();
        browser.findElement(By.name("users")).sendKeys("2000000");
        browser.findElement(By.name("months")).clear();
        browser.findElement(By.name("months")).sendKeys("120");
        browser.findElement(By.id("start")).click();
        WebElement bar = browser.findElement(By.id("progress"));
        waiting().until(d -> Double.parseDouble(bar.getAttribute("value")) > 0);
        browser.findElement(By.id("cancel")).click();
        waiting().until(d -> "cancelled".equals(state()));
        assertThat(browser.findElement(By.id("progress-text")).getText()).startsWith("cancelled");
        assertThat(Double.parseDouble(bar.getAttribute("value"))).isLessThan(1);
        assertThat(((JavascriptExecutor) browser).executeScript("return document.getElementById('start').disabled")).isEqualTo(false);
    }

    /**
     * The bundled file: too many worlds shows the worlds field's message; one world starts a job the page follows, and
     * cancels. It is not run to its end here: its sixty months of eight labs and the base world's claims took a minute
     * of the build, and the page draws a finished job's shares with the same code whichever file was posted (the test
     * below runs a pasted file to its shares); ServeApiTest checks the bundled file's result is the command's.
     */
    @Test void theBundledUncertaintyFileShowsTheWorldsMessageThenRunsAndCanBeCancelled() {
        open("claims");
        WebElement worlds = browser.findElement(By.name("worlds"));
        worlds.clear();
        worlds.sendKeys("300");
        browser.findElement(By.id("uncertainty-start")).click();
        WebElement message = browser.findElement(By.cssSelector(".field-error[data-field='worlds']"));
        waiting().until(d -> !message.getText().isEmpty());
        assertThat(message.getText()).contains("256");
        assertThat(worlds.getAttribute("class")).contains("invalid");
        // The refused request is logged by the browser as a failed load; only what follows must be clean.
        consoleErrors();
        worlds.clear();
        worlds.sendKeys("1");
        browser.findElement(By.id("uncertainty-start")).click();
        WebElement bar = browser.findElement(By.id("uncertainty-progress"));
        waiting().until(d -> "running".equals(browser.findElement(By.tagName("body")).getAttribute("data-uncertainty")));
        assertThat(message.getText()).isEmpty();
        assertThat(worlds.getAttribute("class")).doesNotContain("invalid");
        assertThat(consoleErrors()).isEmpty();
        browser.findElement(By.id("uncertainty-cancel")).click();
        waiting().until(d -> "cancelled".equals(browser.findElement(By.tagName("body")).getAttribute("data-uncertainty")));
        assertThat(browser.findElement(By.id("uncertainty-progress-text")).getText()).startsWith("cancelled");
        assertThat(Double.parseDouble(bar.getAttribute("value"))).isLessThan(1);
        assertThat(browser.findElements(By.cssSelector("#uncertainty-verdicts tbody tr"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return document.getElementById('uncertainty-start').disabled")).isEqualTo(false);
    }

    @Test void anUploadedUncertaintyFileShowsItsLineAndFieldThenRunsToItsShares() {
        open("claims");
        new Select(browser.findElement(By.name("source"))).selectByValue("own");
        WebElement text = browser.findElement(By.id("uncertainty-text"));
        String good = ClaimsUncertaintyCommandTest.worlds("pasted", 5, 8);
        // Pasted text (set at once: typing a file key by key is slow), with one path misspelt.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", text,
            good.replace("technology.spilloverPerMonth", "technology.spilloverPerMonthh"));
        WebElement worlds = browser.findElement(By.name("worlds"));
        worlds.clear();
        worlds.sendKeys("2");
        browser.findElement(By.id("uncertainty-start")).click();
        WebElement message = browser.findElement(By.cssSelector(".field-error[data-field='uncertainty']"));
        waiting().until(d -> !message.getText().isEmpty());
        assertThat(message.getText()).startsWith("uncertainty.yaml:").contains("parameters[1].path");
        assertThat(text.getAttribute("class")).contains("invalid");
        consoleErrors();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", text, good);
        browser.findElement(By.id("uncertainty-start")).click();
        waiting().until(d -> "done".equals(browser.findElement(By.tagName("body")).getAttribute("data-uncertainty")));
        assertThat(message.getText()).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#uncertainty-verdicts tbody tr"))).hasSize(12);
        assertThat(browser.findElements(By.cssSelector("#uncertainty-chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("uncertainty-progress-text")).getText()).startsWith("done");
        assertThat(consoleErrors()).isEmpty();
    }
}
