package io.stancewire.archive;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.stancewire.alerts.AlertsApi;
import io.stancewire.alerts.Owners;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.indexer.IndexSettings;
import io.stancewire.indexer.IndexSetup;
import io.stancewire.indexer.QuoteDocument;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.local.LocalKafka;
import io.stancewire.model.Ids;
import io.stancewire.model.Mention;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Speaker;
import io.stancewire.model.Stance;
import io.stancewire.model.Subscription;
import io.stancewire.model.Topics;
import io.stancewire.model.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web console in headless Chromium on a real node, used as a researcher would: search "Triolo", keep only
 * AGAINST, export the result as CSV, open a quote and its speaker. One quote is hostile (markup in every field an
 * article controls, a javascript: source URL) and must show as text without running. Screenshots go to
 * {@code target/console-screenshots/}.
 */
class ConsoleIT {
    /** An index of this test's own on the shared node; the quotes template applies to it by its name. */
    static final String INDEX = "stancewire-quotes-console-it";
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String ALICE_KEY = "alice-console-key";
    static final Duration WAIT = Duration.ofSeconds(15);

    /** Markup where articles put text; each payload would set window.__xss if it ever ran. */
    static final String XSS_TITLE = "<script>window.__xss='title'</script>Chips race <img src=x onerror=\"window.__xss='title-img'\">";
    static final String XSS_TEXT = "<img src=x onerror=\"window.__xss='text'\"> export controls are failing <script>window.__xss='text'</script>";
    static final String XSS_SPEAKER = "Mallory <img src=x onerror=\"window.__xss='speaker'\">";
    static final String XSS_URL = "javascript:window.__xss='url'";

    @TempDir
    static Path dir;
    static ElasticsearchClient es;
    static ArchiveServer server;
    static AlertsApi alerts;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static Path downloads;
    static List<Quote> quotes;
    static Quote hardwareGap;
    static Quote hostile;

    @BeforeAll
    static void start() throws Exception {
        assertThat(CHROMIUM).as("chromium; scripts/ensure-chromium installs it (Maven runs it before the ITs)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver; scripts/ensure-chromium installs it").isExecutable();
        LocalElasticsearch node = LocalElasticsearch.sharedForTests();
        es = ElasticsearchClients.create(node.httpUrl().toString());
        new IndexSetup(es, IndexSettings.local()).install();
        es.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
        es.indices().create(c -> c.index(INDEX));

        hardwareGap = quote("Paul Triolo", "paul-triolo", "DGA Group",
                "The US still has a big lead in hardware, and that gap will not close soon",
                "\"The US still has a big lead in hardware, and that gap will not close soon,\" said Paul Triolo, a partner at DGA Group.",
                "Can China win the AI race?", "https://news.example/console/ai-race", "AGAINST", 0.82,
                List.of("big lead in hardware", "gap will not close"), Instant.parse("2025-06-02T09:30:00Z"));
        hostile = quote(XSS_SPEAKER, null, "<b>Evil Corp</b>", XSS_TEXT,
                "<svg onload=\"window.__xss='context'\"></svg> Paul Triolo disagreed: " + XSS_TEXT,
                XSS_TITLE, XSS_URL, "AGAINST", 0.7, List.of("<img src=y onerror=\"window.__xss='evidence'\">"),
                Instant.parse("2025-06-03T10:00:00Z"));
        quotes = new ArrayList<>(QuoteFixtures.generate(150, 3));
        quotes.add(hardwareGap);
        quotes.add(hostile);
        index(quotes);

        String kafka = LocalKafka.sharedForTests().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Set<String> existing = admin.listTopics().names().get();
            admin.createTopics(Stream.of(Topics.SUBSCRIPTIONS, Topics.ALERT_DELIVERIES).filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
        }
        // Private webhooks allowed: the test's webhook is on 127.0.0.1 (nothing delivers to it here).
        alerts = AlertsApi.start(kafka, new Owners(Map.of("alice", ALICE_KEY), Map.of()), "127.0.0.1", 0, true);
        server = ArchiveServer.start("127.0.0.1", 0, node.httpUrl().toString(), INDEX, null, URI.create("http://127.0.0.1:" + alerts.port()));
        Files.createDirectories(SCREENSHOTS);
        downloads = Files.createDirectories(dir.resolve("downloads"));
        browser = chromium(downloads, Files.createDirectories(dir.resolve("chromium-profile")));
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) browser.quit();
        if (server != null) server.close();
        if (alerts != null) alerts.close();
        if (es != null) {
            es.indices().delete(d -> d.index(INDEX).ignoreUnavailable(true));
            es.close();
        }
    }

    @Test
    void researcherSearchesFiltersExportsAndOpensAQuote() throws Exception {
        browserErrors(); // from here on: this test's own
        open("/");
        assertThat(text("#total")).isEqualTo(Integer.toString(quotes.size()));
        screenshot("01-start");
        // "More" pages on with the API's cursor: the next 20, none repeated.
        browser.findElement(By.id("more")).click();
        wait.until(d -> d.findElements(By.cssSelector("#results .hit")).size() == 40);
        assertThat(browser.findElements(By.cssSelector("#results .hit"))).extracting(h -> h.getDomAttribute("data-id"))
                .doesNotHaveDuplicates().isSubsetOf(ids(quotes.stream()));

        // Search "Triolo": full text over quotes and their context.
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("Triolo", Keys.ENTER);
        awaitPage("q=Triolo");
        Set<String> triolo = ids(quotes.stream().filter(q -> mentions(q, "Triolo")));
        assertThat(text("#total")).isEqualTo(Integer.toString(triolo.size()));
        // Who is named so is offered too: the full text covers what was said, not who said it.
        assertThat(browser.findElements(By.cssSelector("#speaker-suggestions a.speaker")))
                .extracting(WebElement::getText).containsExactly("Paul Triolo");

        // Filter AGAINST: choosing it submits the search again.
        new Select(browser.findElement(By.id("label"))).selectByValue("AGAINST");
        awaitPage("label=AGAINST");
        assertThat(browser.getCurrentUrl()).contains("q=Triolo");
        Set<String> expected = ids(quotes.stream().filter(q -> mentions(q, "Triolo") && label(q).equals("AGAINST")));
        assertThat(expected).contains(hardwareGap.id(), hostile.id()).hasSizeLessThanOrEqualTo(20);
        assertThat(text("#total")).isEqualTo(Integer.toString(expected.size()));
        List<WebElement> hits = browser.findElements(By.cssSelector("#results .hit"));
        assertThat(hits).extracting(h -> h.getDomAttribute("data-id")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(browser.findElements(By.cssSelector("#results .hit .stance-label")))
                .extracting(WebElement::getText).containsOnly("AGAINST");
        assertThat(browser.findElements(By.cssSelector("#facets [data-facet=label] li"))).hasSize(1);
        screenshot("02-triolo-against");

        // The hostile quote is listed, as characters.
        WebElement hostileHit = hit(hostile.id());
        assertThat(hostileHit.findElement(By.cssSelector(".quote")).getText()).contains(XSS_TEXT);
        assertThat(hostileHit.findElement(By.cssSelector(".title")).getText()).isEqualTo(XSS_TITLE);
        assertThat(hostileHit.findElement(By.cssSelector(".speaker")).getText()).isEqualTo(XSS_SPEAKER);
        assertNothingInjected();

        // Export CSV: the downloaded file holds exactly the result set, with its provenance.
        browser.findElement(By.id("export-csv")).click();
        Path csv = awaitDownload(".csv");
        Map<String, CSVRecord> rows = new HashMap<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            assertThat(parser.getHeaderNames()).isEqualTo(ExportRow.COLUMNS);
            for (CSVRecord row : parser) {
                assertThat(rows.put(row.get("id"), row)).as("%s once", row.get("id")).isNull();
            }
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rows.get(hardwareGap.id()).get("url")).isEqualTo(hardwareGap.url());
        assertThat(rows.get(hardwareGap.id()).get("evidence")).isEqualTo("big lead in hardware | gap will not close");
        assertThat(rows.get(hostile.id()).get("title")).isEqualTo(XSS_TITLE);

        // Highlighting: a word of the quote's own text is marked.
        box = browser.findElement(By.id("q"));
        box.clear();
        box.sendKeys("hardware", Keys.ENTER);
        awaitPage("q=hardware");
        assertThat(hit(hardwareGap.id()).findElements(By.cssSelector(".quote mark")))
                .extracting(WebElement::getText).containsExactly("hardware");

        // The quote page: the quote with its evidence, the context, stance and provenance with the source link.
        hit(hardwareGap.id()).findElement(By.cssSelector("a.open")).click();
        awaitPage("/console/quotes/");
        assertThat(text("#quote-text")).isEqualTo(hardwareGap.text());
        assertThat(browser.findElements(By.cssSelector("#quote-text mark.evidence"))).extracting(WebElement::getText)
                .containsExactly("big lead in hardware", "gap will not close");
        assertThat(text("#quote-context")).isEqualTo(hardwareGap.context());
        assertThat(text("#quote-context mark.in-context")).isEqualTo(hardwareGap.text());
        assertThat(text("#stances")).contains("china-ai", "AGAINST", "82%");
        assertThat(browser.findElement(By.cssSelector("#provenance a.source-link")).getDomAttribute("href")).isEqualTo(hardwareGap.url());
        assertThat(text("#provenance")).contains(hardwareGap.title(), hardwareGap.begin() + "–" + hardwareGap.end(),
                hardwareGap.id(), hardwareGap.articleId(), "2025-06-02 09:30 UTC");
        screenshot("03-quote");

        // The speaker page: stance over time as a chart and as numbers.
        browser.findElement(By.id("quote-speaker")).click();
        awaitPage("/console/speakers/");
        assertThat(text("#speaker-name")).isEqualTo("Paul Triolo");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#stance-chart canvas")));
        long trioloQuotes = quotes.stream().filter(q -> q.speaker().name().equals("Paul Triolo")).count();
        long charted = 0;
        for (WebElement row : browser.findElements(By.cssSelector("#weeks tbody tr"))) {
            charted += Long.parseLong(row.findElements(By.tagName("td")).get(1).getDomProperty("textContent"));
        }
        assertThat(charted).isEqualTo(trioloQuotes);
        assertThat(browser.findElement(By.cssSelector("#results .hit")).getDomAttribute("data-id")).isEqualTo(hardwareGap.id());
        screenshot("04-speaker");
        assertThat(browserErrors()).as("errors in the browser console").isEmpty();
    }

    @Test
    void researcherSavesASearchAndComesBackToIt() throws Exception {
        forgetEarlierTests();
        open("/?q=Triolo&label=AGAINST");
        assertThat(text("#saved-list")).isEqualTo("none yet");
        String name = "Triolo <b>bearish</b>";
        browser.findElement(By.id("save-name")).sendKeys(name);
        browser.findElement(By.id("save-button")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#saved-list li[data-name]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#saved-list a"))).extracting(WebElement::getText)
                .as("the name is text, its markup not made elements").containsExactly(name);
        assertThat(browser.findElements(By.cssSelector("#saved-searches b"))).isEmpty();
        // Saving under the same name replaces the search instead of listing it twice.
        browser.findElement(By.id("save-name")).sendKeys(name);
        browser.findElement(By.id("save-button")).click();
        assertThat(browser.findElements(By.cssSelector("#saved-list li[data-name]"))).hasSize(1);
        screenshot("06-saved-search");

        // Kept across pages and visits; an empty search offers nothing to save.
        open("/");
        assertThat(browser.findElements(By.id("save-search"))).isEmpty();
        browser.findElement(By.cssSelector("#saved-list a")).click();
        awaitPage("label=AGAINST");
        assertThat(browser.getCurrentUrl()).contains("q=Triolo");
        Set<String> expected = ids(quotes.stream().filter(q -> mentions(q, "Triolo") && label(q).equals("AGAINST")));
        assertThat(text("#total")).isEqualTo(Integer.toString(expected.size()));

        browser.findElement(By.cssSelector("#saved-list button.remove")).click();
        assertThat(text("#saved-list")).isEqualTo("none yet");
        open("/");
        assertThat(text("#saved-list")).as("forgotten for good").isEqualTo("none yet");
        assertThat(browserErrors()).as("errors in the browser console").isEmpty();
    }

    @Test
    void analystCreatesAnAlertFromASearchAndDeletesIt() throws Exception {
        forgetEarlierTests();
        open("/?speaker=Paul%20Triolo&label=AGAINST");
        browser.findElement(By.id("alert-me")).click();
        awaitPage("/console/alerts");

        // The key names the owner; a wrong one is refused by the alerts API, behind this server.
        browser.findElement(By.id("api-key")).sendKeys("not-a-key", Keys.ENTER);
        wait.until(d -> !d.findElements(By.id("key-error")).isEmpty());
        assertThat(text("#key-error")).isEqualTo("unknown API key");
        browser.findElement(By.id("api-key")).sendKeys(ALICE_KEY, Keys.ENTER);
        wait.until(d -> !d.findElements(By.id("new-alert")).isEmpty());
        assertThat(browser.findElements(By.id("no-alerts"))).hasSize(1);

        // The search it came from fills the form in.
        assertThat(browser.findElement(By.id("alert-speaker")).getDomProperty("value")).isEqualTo("Paul Triolo");
        assertThat(browser.findElement(By.id("alert-stance")).getDomProperty("value")).isEqualTo("AGAINST");
        assertThat(browser.findElement(By.id("alert-name")).getDomProperty("value")).isEqualTo("Paul Triolo · AGAINST");

        // A query the matcher cannot parse is refused with the parser's message, and nothing is created.
        browser.findElement(By.id("alert-query")).sendKeys("hardware AND (");
        browser.findElement(By.id("alert-webhookUrl")).sendKeys("http://127.0.0.1:9/hook");
        browser.findElement(By.id("create-alert")).click();
        wait.until(d -> d.findElement(By.id("alert-error")).isDisplayed());
        assertThat(text("#alert-error")).isNotBlank();
        assertThat(subscriptionsOf(ALICE_KEY)).isEmpty();

        browser.findElement(By.id("alert-query")).clear();
        browser.findElement(By.id("alert-query")).sendKeys("hardware");
        browser.findElement(By.id("create-alert")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#alert-list tr[data-id]")).isEmpty());
        List<Subscription> created = subscriptionsOf(ALICE_KEY);
        assertThat(created).singleElement().satisfies(sub -> {
            assertThat(sub.speaker()).isEqualTo("Paul Triolo");
            assertThat(sub.stance()).isEqualTo("AGAINST");
            assertThat(sub.query()).isEqualTo("hardware");
            assertThat(sub.kind()).isEqualTo(Subscription.QUOTE);
            assertThat(sub.webhookUrl()).isEqualTo("http://127.0.0.1:9/hook");
        });
        WebElement row = browser.findElement(By.cssSelector("#alert-list tr[data-id='" + created.getFirst().id() + "']"));
        assertThat(row.findElement(By.cssSelector(".alert-match")).getText())
                .isEqualTo("speaker Paul Triolo, stance AGAINST, text hardware");
        assertThat(row.findElement(By.cssSelector(".alert-deliveries")).getText()).isEqualTo("0 delivered, 0 dead-lettered");
        screenshot("07-alerts");

        row.findElement(By.cssSelector("button.delete")).click();
        wait.until(d -> !d.findElements(By.id("no-alerts")).isEmpty());
        assertThat(subscriptionsOf(ALICE_KEY)).isEmpty();
        // The refused key and query answered 401 and 400, which Chromium logs as failed loads; nothing else went wrong.
        assertThat(browserErrors()).filteredOn(m -> !m.contains("Failed to load resource")).isEmpty();
    }

    /** What the alerts API itself holds for an owner, asked directly, not through the console's server. */
    private static List<Subscription> subscriptionsOf(String key) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + alerts.port() + "/api/alerts/subscriptions"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return List.of(Json.MAPPER.readValue(response.body(), Subscription[].class));
    }

    @Test
    void articleMarkupShowsAsTextAndNeverRuns() throws Exception {
        open("/console/quotes/" + hostile.id());
        assertThat(text("#quote-text")).isEqualTo(XSS_TEXT);
        assertThat(text("#article-title")).isEqualTo(XSS_TITLE);
        assertThat(text("#quote-speaker")).isEqualTo(XSS_SPEAKER);
        assertThat(text("#quote-context")).startsWith("<svg onload=");
        assertThat(text("#stances")).contains("<img src=y onerror=");
        // A javascript: URL is shown, struck through, never made a link.
        assertThat(browser.findElements(By.cssSelector("#provenance a.source-link"))).isEmpty();
        assertThat(text("#provenance .source-link.unsafe")).isEqualTo(XSS_URL);
        assertNothingInjected();
        screenshot("05-hostile-quote");

        // The speaker page puts the name in its heading and the title.
        browser.findElement(By.id("quote-speaker")).click();
        awaitPage("/console/speakers/");
        assertThat(text("#speaker-name")).isEqualTo(XSS_SPEAKER);
        assertNothingInjected();

        // Second wall: the policy forbids inline scripts, so even markup that got in could not run.
        ((JavascriptExecutor) browser).executeScript(
                "const s = document.createElement('script'); s.textContent = \"window.__inline = 'ran'\"; document.body.append(s);");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__inline === undefined")).isEqualTo(true);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        assertThat(page.body()).doesNotContain("<script>").doesNotContainPattern("<script(?![^>]*\\bsrc=)");
    }

    /** No element or script from article data in the page, and none ran. */
    private static void assertNothingInjected() {
        assertThat(browser.findElements(By.cssSelector("#view img, #view script, #view svg, #view b, #view [onerror], #view [onload]")))
                .as("elements made from article text").isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined ? 'none' : window.__xss"))
                .as("payload that ran").isEqualTo("none");
    }

    /** Saved searches, the API key and console messages of earlier tests: from here on, this test's own. */
    private static void forgetEarlierTests() {
        open("/");
        ((JavascriptExecutor) browser).executeScript("window.localStorage.clear(); window.sessionStorage.clear()");
        browserErrors();
    }

    private static void open(String path) {
        browser.get(base() + path);
        awaitReady();
    }

    private static void awaitPage(String urlPart) {
        wait.until(ExpectedConditions.urlContains(urlPart));
        awaitReady();
    }

    private static void awaitReady() {
        wait.until(d -> {
            Object ready = ((JavascriptExecutor) d).executeScript("return document.body && document.body.dataset.ready");
            assertThat(ready).as("page failed: %s", browser.findElement(By.id("error")).getText()).isNotEqualTo("error");
            return "true".equals(ready);
        });
    }

    private static WebElement hit(String id) {
        return browser.findElement(By.cssSelector("#results .hit[data-id='" + id + "']"));
    }

    /** Text as in the DOM (getText would drop what CSS hides or reflows). */
    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getDomProperty("textContent");
    }

    private static Path awaitDownload(String extension) throws IOException {
        await().atMost(WAIT).until(() -> finished(extension).size() == 1);
        return finished(extension).getFirst();
    }

    private static List<Path> finished(String extension) throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().endsWith(extension)).toList();
        }
    }

    private static List<String> browserErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
    }

    private static void screenshot(String name) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Debian's chromium and chromedriver, given by path so Selenium never looks for (or downloads) others. */
    static ChromeDriver chromium(Path downloads, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/console-screenshots/chromedriver.log"))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // Headless Chromium downloads only where it is told to.
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return driver;
    }

    private static boolean mentions(Quote q, String word) {
        Pattern pattern = Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE);
        return pattern.matcher(q.text()).find() || pattern.matcher(q.context()).find();
    }

    private static String label(Quote q) {
        return q.stances().getFirst().label();
    }

    private static Set<String> ids(Stream<Quote> quotes) {
        return quotes.map(Quote::id).collect(Collectors.toSet());
    }

    private static Quote quote(String speaker, String speakerId, String affiliation, String text, String context,
                               String title, String url, String label, double confidence, List<String> evidence,
                               Instant publishedAt) {
        String articleId = Ids.articleId(url);
        int begin = 1 + context.indexOf(text);
        int end = begin + text.length();
        int mention = context.indexOf(speaker);
        return new Quote(SchemaVersion.CURRENT, Ids.quoteId(articleId, begin, end), articleId, begin, end, text, "direct",
                new Speaker(speakerId, speaker, mention < 0 ? null : new Mention(mention, mention + speaker.length(), speaker),
                        affiliation, "partner", "PERSON"),
                "said", context, "en", List.of(new Stance(QuoteFixtures.TARGET, label, confidence, evidence)), url, title,
                "BBC Urdu", publishedAt);
    }

    /** As the indexer writes them: the document shape, the template's mapping, then a refresh. */
    private static void index(List<Quote> quotes) throws IOException {
        Instant indexedAt = Instant.now();
        List<BulkOperation> ops = quotes.stream().map(q -> BulkOperation.of(b -> b.index(i -> i.index(INDEX).id(q.id())
                .document(QuoteDocument.of(q, indexedAt))))).toList();
        BulkResponse response = es.bulk(b -> b.operations(ops));
        assertThat(response.errors()).as("bulk errors").isFalse();
        es.indices().refresh(r -> r.index(INDEX));
    }
}
