package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.sink.api.ApiSecurity;
import org.newsflow.sink.api.SinkApi;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's chromium through chromedriver, headless) over the demo's stack on the
 * embedded broker: one stack and one browser for every check, in order. Screenshots go to target/dashboard-*.png.
 * Without chromedriver the checks are skipped with a message, except under CI=true, where that is a failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    /** Untrusted text: markup, an event handler and quotes, which must show as text and never run. */
    private static final String HOSTILE = "<script>window.__xss='script'</script> <img src=x onerror=\"window.__xss='img'\"> \"quoted\" & 'single'";

    @TempDir
    static Path tmp;

    static BrowserStack stack;
    static WebDriver browser;
    static String seedId;
    static String hostileId;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> driver = executable("webdriver.chrome.driver", "chromedriver");
        Optional<Path> chromium = executable("newsflow.chromium", "chromium", "chromium-browser");
        if (driver.isEmpty() || chromium.isEmpty()) {
            String why = "chromium and chromedriver are needed for the browser tests (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; CI=true, so this is a failure, not a skip");
            }
            Assumptions.abort(why + "; skipped");
        }
        stack = new BrowserStack(tmp);
        List<String> ids = stack.ingest(Files.list(SAMPLES).filter(Files::isRegularFile).toArray(Path[]::new));
        seedId = ids.stream().filter(id -> stack.store.find(id).orElseThrow().article().body().contains("Pashinian")).findFirst().orElseThrow();
        hostileId = stack.publishRaw("hostile-1", HOSTILE, "Armenia said on Tuesday: " + HOSTILE + ". Azerbaijan rejected the claim.");
        stack.sendGarbage("this is not JSON");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,1400",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile()).build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void the_map_shades_the_tagged_countries() {
        open("");
        waitFor(d -> count("#map svg path") > 150);
        waitFor(d -> count("#latest tbody tr") >= 5);
        // Countries with articles get a colour of the scale; the others the empty colour: at least two fills.
        Object fills = js("return new Set([...document.querySelectorAll('#map svg path')].map(p => p.getAttribute('fill'))).size");
        assertThat(((Number) fills).intValue()).isGreaterThanOrEqualTo(2);
        screenshot("overview");
        // The other shading: conflict vs cooperation from the events' QuadClass, a view of its own in the URL.
        browser.findElement(By.id("map-intensity")).click();
        waitFor(d -> d.getCurrentUrl().contains("map=intensity")
                && d.findElement(By.id("map-note")).getText().contains("QuadClass"));
        waitFor(d -> d.findElement(By.id("map")).getText().contains("conflict"));
        screenshot("overview-intensity");
    }

    @Test
    @Order(2)
    void the_country_and_person_pages_drill_down() {
        open("#/country/AM");
        waitFor(d -> d.findElement(By.id("counterparts")).getText().contains("Azerbaijan"));
        waitFor(d -> count("#latest tbody tr") >= 1 && count("#trends-eventType svg path") > 0);
        screenshot("country");
        open("#/person/" + "nikol pashinian".replace(" ", "%20"));
        waitFor(d -> d.findElement(By.id("co-mentioned")).getText().contains("Ilham Aliyev"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nikol Pashinian");
        // Light, then dark: the toggle overrides the system's choice.
        browser.findElement(By.id("theme")).click();
        browser.findElement(By.id("theme")).click();
        assertThat(js("return document.documentElement.dataset.theme")).isEqualTo("dark");
        open("");
        waitFor(d -> count("#map svg path") > 150 && count("#latest tbody tr") >= 5);
        screenshot("overview-dark");
        browser.findElement(By.id("theme")).click(); // back to auto
    }

    @Test
    @Order(3)
    void a_filter_goes_into_the_url_and_narrows_the_table_and_back_undoes_it() {
        open("");
        waitFor(d -> count("#latest tbody tr") >= 5);
        int all = count("#latest tbody tr");
        WebElement country = browser.findElement(By.cssSelector("#filters input[name=country]"));
        country.sendKeys("AM");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().contains("country=AM"));
        waitFor(d -> count("#latest tbody tr") > 0 && count("#latest tbody tr") < all);
        assertThat(browser.findElements(By.cssSelector("#latest tbody tr")))
                .allSatisfy(row -> assertThat(row.getText()).contains("AM"));
        assertThat(browser.findElement(By.id("chips")).getText()).contains("country: AM");
        browser.navigate().back();
        waitFor(d -> !d.getCurrentUrl().contains("country=") && count("#latest tbody tr") == all);
    }

    @Test
    @Order(4)
    void the_article_page_marks_every_kind_of_tag_at_its_evidence_offsets() {
        open("#/article/" + seedId);
        waitFor(d -> count("#article-body mark") > 0);
        for (String kind : List.of("country", "person", "event")) {
            assertThat(count("#article-body mark.k-" + kind)).as(kind).isPositive();
        }
        // Each mark covers exactly the body's text at its offsets.
        Object wrong = js("const b = document.getElementById('article-body').textContent;"
                + "return [...document.querySelectorAll('#article-body mark')].filter(m => b.slice(+m.dataset.begin, +m.dataset.end) !== m.textContent).length");
        assertThat(((Number) wrong).intValue()).isZero();
        String body = stack.store.find(seedId).orElseThrow().article().body();
        assertThat((String) js("return document.getElementById('article-body').textContent")).isEqualTo(body);
        assertThat(browser.findElement(By.id("event-lines")).getText()).contains("→");
        screenshot("article");
    }

    @Test
    @Order(5)
    void hostile_article_text_is_shown_as_text_and_never_runs() {
        open("#/article/" + hostileId);
        waitFor(d -> d.findElement(By.id("article-title")).getText().contains("<script>"));
        assertThat(browser.findElement(By.id("article-title")).getText()).contains("<script>", "<img src=x onerror=", "\"quoted\"", "'single'");
        assertThat(browser.findElement(By.id("article-body")).getText()).contains("<script>window.__xss");
        assertThat(count("#article img, #article script")).isZero();
        open("");
        waitFor(d -> d.findElement(By.id("latest")).getText().contains("<script>"));
        assertThat(count("#latest img, #latest script")).isZero();
        assertThat(js("return window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    @Order(6)
    void a_new_article_appears_without_a_reload() throws Exception {
        open("");
        waitFor(d -> count("#latest tbody tr") >= 5);
        js("window.__sameDocument = true");
        String title = "Kenya and Ethiopia sign a live test accord " + Instant.now().toEpochMilli();
        String id = stack.ingestJson("{\"title\": \"" + title + "\", \"source\": \"Live Wire\", \"publishedAt\": \"" + Instant.now() + "\","
                + " \"body\": \"Kenya and Ethiopia signed an accord in Nairobi on Monday, officials said.\"}");
        waitFor(d -> count("#latest tbody tr[data-id='" + id + "']") == 1);
        assertThat(js("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("#latest tbody tr[data-id='" + id + "']")).getText()).contains(title);
    }

    @Test
    @Order(7)
    void a_dead_letter_shows_in_the_health_panel_and_opens() {
        open("#/health");
        waitFor(d -> d.findElements(By.id("dead-letters")).size() == 1
                && d.findElement(By.id("dead-letters")).getText().contains("not a valid RawArticle JSON"));
        screenshot("health");
        browser.findElements(By.cssSelector("#dead-letters li")).stream()
                .filter(li -> li.getText().contains("not a valid RawArticle JSON")).findFirst().orElseThrow()
                .findElement(By.tagName("a")).click();
        waitFor(d -> d.findElements(By.id("dead-value")).size() == 1);
        assertThat(browser.findElement(By.id("dead-value")).getText()).isEqualTo("this is not JSON");
        assertThat(browser.findElement(By.id("dead-reason")).getText()).contains("not a valid RawArticle JSON");
    }

    @Test
    @Order(8)
    void a_stalled_group_raises_the_banner_on_every_page() {
        stack.leaveAStuckGroup("stuck-reader");
        open("");
        waitFor(d -> d.findElement(By.id("stall")).isDisplayed() && d.findElement(By.id("stall")).getText().contains("stuck-reader"),
                Duration.ofSeconds(BrowserStack.STALL_SECONDS + 60));
        assertThat(browser.findElement(By.id("pipeline-pill")).getText()).contains("STALLED");
    }

    @Test
    @Order(9)
    void a_country_on_the_map_is_selected_with_the_keyboard_only() {
        open("");
        waitFor(d -> count("#map-countries a[data-code='AZ']") == 1 && count("#map svg path") > 150);
        assertThat(browser.findElement(By.id("map")).getAttribute("aria-describedby")).contains("map-keys-help");
        assertThat(browser.findElement(By.id("map-keys-help")).getText()).contains("Enter");
        // From the top of the page, Tab only, until Azerbaijan's row of the map's country table has the focus.
        js("document.activeElement && document.activeElement.blur()");
        Actions keys = new Actions(browser);
        int tabs = 0;
        while (!"AZ".equals(js("return document.activeElement.dataset.code || null")) && tabs++ < 120) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(js("return document.activeElement.dataset.code")).as("reached by Tab").isEqualTo("AZ");
        // The focus is visible, and the country is highlighted on the map with its tooltip.
        assertThat(js("return getComputedStyle(document.activeElement).outlineStyle")).isNotEqualTo("none");
        waitFor(d -> d.findElement(By.id("map")).getText().contains("Azerbaijan"));
        screenshot("map-keyboard");
        keys.sendKeys(Keys.ENTER).perform();
        waitFor(d -> d.getCurrentUrl().contains("country=AZ"));
        waitFor(d -> d.findElement(By.id("chips")).getText().contains("country: AZ"));
    }

    /**
     * The same stack behind a second front that sets a token (as NEWSFLOW_API_TOKEN does): the probes stay open, the
     * page asks for the token in a dialog, refuses a wrong one, then shows the data and a live article (the event
     * stream read with the token's header), and the token never shows in a URL.
     */
    @Test
    @Order(10)
    void with_an_api_token_the_page_asks_for_it_and_then_shows_data_and_live_articles() throws Exception {
        String token = "browser-token-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        try (SinkApi guarded = new SinkApi(stack.store, null, Dashboard.staticFiles(stack.health, stack.store),
                ApiSecurity.of("127.0.0.1", token, List.of(), false), null).start("127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + guarded.port();
            assertThat(status(base + "/api/health/live")).as("liveness probe, no token").isEqualTo(200);
            assertThat(status(base + "/api/health/ready")).as("readiness probe, no token").isEqualTo(200);
            assertThat(status(base + "/api/articles")).isEqualTo(401);
            assertThat(status(base + "/api/events/stream")).isEqualTo(401);
            browser.get("about:blank");
            browser.get(base + "/");
            waitFor(d -> Boolean.TRUE.equals(js("return document.getElementById('token-dialog').open")));
            assertThat(js("return document.activeElement.id")).as("focus in the dialog").isEqualTo("token-input");
            Actions keys = new Actions(browser);
            // Escape closes it, and the polls' 401s (health every 3 s) do not open it again; the header's button does.
            keys.sendKeys(Keys.ESCAPE).perform();
            waitFor(d -> Boolean.FALSE.equals(js("return document.getElementById('token-dialog').open")));
            Thread.sleep(4_000);
            assertThat(js("return document.getElementById('token-dialog').open")).isEqualTo(false);
            browser.findElement(By.id("token-button")).click();
            waitFor(d -> Boolean.TRUE.equals(js("return document.getElementById('token-dialog').open")));
            keys.sendKeys("not-the-token-0123456789").sendKeys(Keys.ENTER).perform();
            waitFor(d -> Boolean.TRUE.equals(js("return document.getElementById('token-dialog').open"))
                    && d.findElement(By.id("token-error")).getText().contains("refused"));
            screenshot("token-dialog");
            keys.sendKeys(token).sendKeys(Keys.ENTER).perform();
            waitFor(d -> count("#latest tbody tr") >= 5 && count("#map svg path") > 150);
            assertThat(js("return document.getElementById('token-dialog').open")).isEqualTo(false);
            // Live: the stream is read with fetch and the token's header (EventSource could not send it).
            waitFor(d -> String.valueOf(d.findElement(By.id("live")).getAttribute("title")).contains("server tells"));
            js("window.__sameDocument = true");
            String title = "Guarded live accord " + Instant.now().toEpochMilli();
            String id = stack.ingestJson("{\"title\": \"" + title + "\", \"source\": \"Live Wire\", \"publishedAt\": \"" + Instant.now() + "\","
                    + " \"body\": \"Kenya and Uganda signed an accord in Kampala on Tuesday, officials said.\"}");
            waitFor(d -> count("#latest tbody tr[data-id='" + id + "']") == 1);
            assertThat(js("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
            screenshot("token");
            assertThat(browser.getCurrentUrl()).doesNotContain(token);
            Object urls = js("return performance.getEntriesByType('resource').map(e => e.name).join(' ')");
            assertThat(String.valueOf(urls)).contains("/api/articles").doesNotContain(token);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static int status(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A fresh document each time: a hash-only change would keep the previous view's elements for a moment. */
    private static void open(String hash) {
        browser.get("about:blank");
        browser.get(stack.baseUrl() + hash);
    }

    private static int count(String css) {
        return browser.findElements(By.cssSelector(css)).size();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        waitFor(condition, Duration.ofSeconds(90)); // generous: on a loaded 2-core machine a page can take long
    }

    private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition, Duration timeout) {
        new WebDriverWait(browser, timeout, Duration.ofMillis(200)).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    private static void screenshot(String name) {
        try {
            Path out = Path.of("target", "dashboard-" + name + ".png");
            Files.createDirectories(out.getParent());
            Files.write(out, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A system property naming the file, else the first of the names on the PATH. */
    private static Optional<Path> executable(String property, String... names) {
        String given = System.getProperty(property);
        if (given != null) {
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(names).flatMap(n -> Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, n)))
                .filter(Files::isExecutable).findFirst();
    }
}
