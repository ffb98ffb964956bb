package io.stancewire.producer;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stancewire.local.LocalKafka;
import io.stancewire.model.Article;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.Ids;
import io.stancewire.model.Json;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The producer end to end on a real broker: a local HTTP server serves feeds and article pages; articles land on
 * Kafka once, across polls and across a restart of the producer; a broken feed and a missing page become dead
 * letters with their reasons.
 */
class FeedProducerIT {
    @TempDir
    static Path tmp;
    static LocalKafka kafka;
    static HttpServer http;
    static String base;
    static final Map<String, Response> routes = new ConcurrentHashMap<>();
    /** Requests received per path. */
    static final Map<String, java.util.concurrent.atomic.AtomicInteger> hits = new ConcurrentHashMap<>();

    record Response(int status, String contentType, byte[] body) {}

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestSupport.startBroker(tmp.resolve("kafka"));
        KafkaTestSupport.createTopics(kafka.bootstrapServers());
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
            Response r = routes.get(exchange.getRequestURI().getPath());
            if (r == null) {
                r = new Response(404, "text/html", "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8));
            }
            // Every response carries an ETag of its body; a request that already has it gets 304 Not Modified.
            String etag = "\"" + java.util.Arrays.hashCode(r.body()) + "\"";
            exchange.getResponseHeaders().add("Content-Type", r.contentType());
            exchange.getResponseHeaders().add("ETag", etag);
            if (r.status() == 503) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            if (r.status() == 200 && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.sendResponseHeaders(r.status(), r.body().length);
                exchange.getResponseBody().write(r.body());
            }
            exchange.close();
        });
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.stop(0);
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static byte[] page(String name) throws IOException {
        try (InputStream in = FeedProducerIT.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String item(String title, String link, String description) {
        return "<item><title>" + title + "</title><link>" + link + "</link><guid isPermaLink=\"false\">" + title.hashCode()
                + "</guid><pubDate>Tue, 03 Dec 2024 06:41:06 GMT</pubDate><description><![CDATA[" + description
                + "]]></description></item>";
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Local News</title>"
                + "<link>" + base + "/</link><description>test</description><language>en</language>"
                + String.join("", items) + "</channel></rss>";
    }

    /** The committed articles of one feed (the tests of this class share the broker). */
    private static List<ConsumerRecord<String, byte[]>> recordsOf(String feedUrl) {
        return KafkaTestSupport.readAll(kafka.bootstrapServers(), Topics.ARTICLES_RAW).stream()
                .filter(r -> feedUrl.equals(new String(r.headers().lastHeader("feed").value(), StandardCharsets.UTF_8)))
                .toList();
    }

    private static ProducerSettings settings() {
        return new ProducerSettings(kafka.bootstrapServers(),
                List.of(new FeedConfig(base + "/feed.xml", "Local News", null, Duration.ofMillis(200), List.of()),
                        new FeedConfig(base + "/broken.xml", "Broken", null, Duration.ofMillis(200), List.of())),
                true, null, null, null, null, null, null, null, null, true, null, Duration.ZERO, null,
                "producer-it");
    }

    @Test
    void publishesEachArticleOnceAcrossPollsAndRestarts() throws Exception {
        String longFallback = "<p>" + "The feed carries the full story when the page is gone. ".repeat(8) + "</p>"
                + "<p>“A quote from the feed,” she said.</p>";
        routes.put("/feed.xml", new Response(200, "application/rss+xml; charset=utf-8", rss(
                item("Urdu story", base + "/articles/china-ai?utm_source=rss&amp;utm_medium=feed", "teaser"),
                item("English story", base + "/articles/chipmakers", "teaser"),
                item("Gone story", base + "/articles/gone", longFallback),
                // The Urdu story again, decorated differently: the same article.
                item("Urdu story again", base + "/articles/china-ai/?fbclid=xyz#top", "teaser"),
                // A partner's copy of the Urdu story under its own URL: published, marked as a near-duplicate.
                item("Partner copy", base + "/partner/copy", "teaser")).getBytes(StandardCharsets.UTF_8)));
        String copy = new String(page("urdu-article.html"), StandardCharsets.UTF_8)
                .replaceAll("<link rel=\"canonical\"[^>]*>", "")
                .replace("<div class=\"story-body\">", "<div class=\"story-body\"><p>(ویب ڈیسک) پارٹنر سائٹ</p>");
        routes.put("/partner/copy", new Response(200, "text/html; charset=utf-8", copy.getBytes(StandardCharsets.UTF_8)));
        routes.put("/articles/china-ai", new Response(200, "text/html; charset=utf-8", page("urdu-article.html")));
        routes.put("/articles/chipmakers", new Response(200, "text/html", page("english-article.html")));
        routes.put("/broken.xml", new Response(200, "text/plain", "Service temporarily unavailable, try later"
                .getBytes(StandardCharsets.UTF_8)));

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (FeedProducer producer = new FeedProducer(settings(), meters)) {
            PollSummary first = producer.pollOnce();
            assertThat(first.feedsOk()).isEqualTo(1);
            assertThat(first.feedsFailed()).isEqualTo(1);
            assertThat(first.itemsSeen()).isEqualTo(5);
            assertThat(first.published()).isEqualTo(4);
            assertThat(first.duplicatesSkipped()).isEqualTo(1);
            assertThat(first.deadLetters()).isEqualTo(2); // the broken feed and the missing page

            // The same entries in another order (a changed body, so no 304): all five are known.
            routes.put("/feed.xml", new Response(200, "application/rss+xml; charset=utf-8", rss(
                    item("Partner copy", base + "/partner/copy", "teaser"),
                    item("Urdu story again", base + "/articles/china-ai/?fbclid=xyz#top", "teaser"),
                    item("Gone story", base + "/articles/gone", longFallback),
                    item("English story", base + "/articles/chipmakers", "teaser"),
                    item("Urdu story", base + "/articles/china-ai?utm_source=rss&amp;utm_medium=feed", "teaser"))
                    .getBytes(StandardCharsets.UTF_8)));
            PollSummary second = producer.pollOnce();
            assertThat(second.published()).isZero();
            assertThat(second.duplicatesSkipped()).isEqualTo(5);
            // Unchanged since: the conditional GET is answered 304 and nothing is parsed.
            PollSummary third = producer.pollOnce();
            assertThat(third.feedsNotModified()).isEqualTo(1);
            assertThat(third.itemsSeen()).isZero();
            assertThat(meters.counter("stancewire.producer.articles.published").count()).isEqualTo(4);
            assertThat(producer.statuses()).filteredOn(s -> s.url().endsWith("/broken.xml"))
                    .singleElement().satisfies(s -> {
                        assertThat(s.consecutiveFailures()).isEqualTo(3);
                        assertThat(s.lastError()).startsWith("feed-not-xml");
                    });
        }

        List<ConsumerRecord<String, byte[]>> records = recordsOf(base + "/feed.xml");
        assertThat(records).hasSize(4);
        Map<String, Article> byTitle = records.stream().map(r -> {
            Article a = Json.read(r.value(), Article.class);
            assertThat(r.key()).isEqualTo(a.id()).isEqualTo(Ids.articleId(a.canonicalUrl()));
            assertThat(r.headers().lastHeader("feed")).isNotNull();
            assertThat(r.headers().lastHeader("trace-id")).isNotNull();
            assertThat(new String(r.headers().lastHeader("source").value(), StandardCharsets.UTF_8)).isEqualTo("Local News");
            return a;
        }).collect(Collectors.toMap(Article::title, a -> a));

        Article urdu = byTitle.get("Urdu story");
        // The page's rel=canonical wins over the feed's link, tracking parameters removed.
        assertThat(urdu.canonicalUrl()).isEqualTo("https://news.example.pk/urdu/technology/china-ai-dominate-2024");
        assertThat(urdu.text()).isEqualTo(new String(page("urdu-article.expected.txt"), StandardCharsets.UTF_8));
        assertThat(urdu.authors()).containsExactly("Arjun Kharpal");
        assertThat(urdu.flags()).isEmpty();
        assertThat(urdu.duplicateOf()).isNull();

        Article partner = byTitle.get("Partner copy");
        assertThat(partner.canonicalUrl()).isEqualTo(base + "/partner/copy");
        assertThat(partner.duplicateOf()).isEqualTo(urdu.id());

        Article english = byTitle.get("English story");
        assertThat(english.text()).isEqualTo(new String(page("english-article.expected.txt"), StandardCharsets.UTF_8));
        assertThat(english.canonicalUrl()).isEqualTo("https://www.daily.example/tech/2025/mar/14/chipmakers-race?CMP=share_btn_tw");

        Article gone = byTitle.get("Gone story");
        assertThat(gone.flags()).contains("page-unavailable", "feed-content");
        assertThat(gone.text()).endsWith("\n\n“A quote from the feed,” she said.");
        assertThat(gone.canonicalUrl()).isEqualTo(base + "/articles/gone");

        List<DeadLetter> letters = KafkaTestSupport.readAll(kafka.bootstrapServers(), Topics.DEAD_LETTER).stream()
                .map(r -> Json.read(r.value(), DeadLetter.class)).toList();
        assertThat(letters).anySatisfy(d -> {
            assertThat(d.reason()).isEqualTo("feed-not-xml");
            assertThat(d.source()).isEqualTo(base + "/broken.xml");
            assertThat(d.error()).contains("not XML");
            assertThat(d.payload()).contains("Service temporarily unavailable");
        });
        assertThat(letters).anySatisfy(d -> {
            assertThat(d.reason()).isEqualTo("page-http-404");
            assertThat(d.source()).isEqualTo(base + "/articles/gone");
            assertThat(d.key()).isEqualTo(gone.id());
        });

        // A new producer (a restart) knows what was published; one new entry is published, nothing else again.
        routes.put("/feed.xml", new Response(200, "application/rss+xml; charset=utf-8", rss(
                item("Urdu story", base + "/articles/china-ai?utm_source=rss", "teaser"),
                item("English story", base + "/articles/chipmakers", "teaser"),
                item("Gone story", base + "/articles/gone", longFallback),
                item("Fresh story", base + "/articles/fresh", longFallback)).getBytes(StandardCharsets.UTF_8)));
        try (FeedProducer restarted = new FeedProducer(settings(), new SimpleMeterRegistry())) {
            PollSummary afterRestart = restarted.pollOnce();
            assertThat(afterRestart.published()).isEqualTo(1);
            assertThat(afterRestart.duplicatesSkipped()).isEqualTo(3);
        }
        List<Article> all = recordsOf(base + "/feed.xml").stream()
                .map(r -> Json.read(r.value(), Article.class)).toList();
        assertThat(all).hasSize(5);
        assertThat(all.stream().map(Article::id).distinct()).hasSize(5);

        // run() keeps polling on the feeds' schedule until told to stop, still publishing nothing twice.
        try (FeedProducer running = new FeedProducer(settings(), new SimpleMeterRegistry())) {
            AtomicBoolean stopFlag = new AtomicBoolean();
            Thread loop = new Thread(() -> running.run(stopFlag));
            loop.start();
            routes.put("/feed.xml", new Response(200, "application/rss+xml; charset=utf-8", rss(
                    item("Fresh story", base + "/articles/fresh", longFallback),
                    item("Later story", base + "/articles/later", longFallback)).getBytes(StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    recordsOf(base + "/feed.xml").size() == 6);
            Thread.sleep(1000); // several more polls happen in this second
            stopFlag.set(true);
            loop.join(10_000);
            assertThat(loop.isAlive()).isFalse();
        }
        assertThat(recordsOf(base + "/feed.xml")).hasSize(6);
    }

    @Test
    void aCrashedProducersOpenTransactionIsAbortedAndItsArticlePublishedOnce() throws Exception {
        String feedUrl = base + "/zombie.xml";
        String link = base + "/articles/zombie-story";
        routes.put("/zombie.xml", new Response(200, "application/rss+xml", rss(item("Zombie story", link,
                "<p>" + "A story whose first publication was interrupted by a crash. ".repeat(6) + "</p>"))
                .getBytes(StandardCharsets.UTF_8)));
        ProducerSettings settings = new ProducerSettings(kafka.bootstrapServers(),
                List.of(new FeedConfig(feedUrl, "Zombie", null, null, List.of("crash", "test"))), false, null, null, null, null,
                null, null, null, null, true, null, Duration.ZERO, null, "producer-it-zombie");
        String id = Ids.articleId(UrlCanonicalizer.canonicalize(link).orElseThrow());

        // An earlier incarnation wrote the article and its seen-marker, then died before committing.
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "producer-it-zombie");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        KafkaProducer<String, byte[]> zombie = new KafkaProducer<>(p);
        try {
            zombie.initTransactions();
            zombie.beginTransaction();
            RecordHeaders headers = new RecordHeaders();
            headers.add("feed", feedUrl.getBytes(StandardCharsets.UTF_8));
            zombie.send(new ProducerRecord<>(Topics.ARTICLES_RAW, null, id, "{\"half\":true}".getBytes(StandardCharsets.UTF_8), headers));
            zombie.send(new ProducerRecord<>(Topics.PRODUCER_SEEN, id, Json.write(new SeenMarker(id, link, feedUrl,
                    java.time.Instant.now(), null, null))));
            zombie.flush();

            // The restarted producer fences the zombie, which aborts its transaction, and publishes the article.
            try (FeedProducer restarted = new FeedProducer(settings, new SimpleMeterRegistry())) {
                PollSummary summary = restarted.pollOnce();
                assertThat(summary.published()).isEqualTo(1);
                assertThat(summary.duplicatesSkipped()).isZero();
                // The feed has not changed: the conditional GET gets 304 and nothing is parsed or fetched.
                PollSummary again = restarted.pollOnce();
                assertThat(again.feedsNotModified()).isEqualTo(1);
                assertThat(again.published()).isZero();
                assertThat(again.itemsSeen()).isZero();
            }
            assertThatThrownBy(zombie::commitTransaction).isInstanceOf(KafkaException.class);
        } finally {
            zombie.close(Duration.ZERO);
        }
        List<ConsumerRecord<String, byte[]>> records = recordsOf(feedUrl);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(id);
            assertThat(Json.read(r.value(), Article.class).title()).isEqualTo("Zombie story");
            assertThat(new String(r.headers().lastHeader("tags").value(), StandardCharsets.UTF_8)).isEqualTo("crash,test");
        });
    }

    @Test
    void aPageThatIsBusyIsFetchedAgainOnTheNextPollNotPublishedWithoutIt() throws Exception {
        String feedUrl = base + "/busy-feed.xml";
        routes.put("/busy-feed.xml", new Response(200, "application/rss+xml", rss(item("Busy story",
                base + "/articles/busy", "<p>Only a teaser.</p>")).getBytes(StandardCharsets.UTF_8)));
        // 503 first (with Retry-After: 0, so the other tests' host is not held up), then the page.
        routes.put("/articles/busy", new Response(503, "text/html", "busy".getBytes(StandardCharsets.UTF_8)));
        ProducerSettings settings = new ProducerSettings(kafka.bootstrapServers(),
                List.of(new FeedConfig(feedUrl, "Busy", null, null, List.of())), true, null, null, null, null,
                null, null, null, null, true, null, Duration.ZERO, null, "producer-it-busy");
        try (FeedProducer producer = new FeedProducer(settings, new SimpleMeterRegistry())) {
            PollSummary first = producer.pollOnce();
            assertThat(first.deferred()).isEqualTo(1);
            assertThat(first.published()).isZero();
            assertThat(first.deadLetters()).isZero();

            routes.put("/articles/busy", new Response(200, "text/html; charset=utf-8", page("div-soup.html")));
            PollSummary second = producer.pollOnce();
            assertThat(second.published()).isEqualTo(1);
            assertThat(second.deferred()).isZero();
        }
        assertThat(recordsOf(feedUrl)).singleElement().satisfies(r -> {
            Article a = Json.read(r.value(), Article.class);
            assertThat(a.flags()).doesNotContain("page-unavailable", "feed-content");
            assertThat(a.text()).isEqualTo(new String(page("div-soup.expected.txt"), StandardCharsets.UTF_8));
        });
    }

    @Test
    void aFencedProducerStopsAndPublishesNothing() throws Exception {
        String feedUrl = base + "/fenced.xml";
        routes.put("/fenced.xml", new Response(200, "application/rss+xml", rss(item("Fenced story",
                base + "/articles/fenced", "<p>" + "Text of a story nobody may publish twice. ".repeat(8) + "</p>"))
                .getBytes(StandardCharsets.UTF_8)));
        ProducerSettings settings = new ProducerSettings(kafka.bootstrapServers(),
                List.of(new FeedConfig(feedUrl, "Fenced", null, null, List.of())), false, null, null, null, null,
                null, null, null, null, true, null, Duration.ZERO, null, "producer-it-fenced");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "producer-it-fenced");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (FeedProducer old = new FeedProducer(settings, new SimpleMeterRegistry());
             KafkaProducer<String, byte[]> newer = new KafkaProducer<>(p)) {
            newer.initTransactions(); // a second instance with the same id takes over
            assertThatThrownBy(old::pollOnce).isInstanceOf(PublishingStoppedException.class);
        }
        assertThat(recordsOf(feedUrl)).isEmpty();
    }

    @Test
    void eachFeedsStatusIsPublishedAndReadBackLatestPerFeed() throws Exception {
        String okUrl = base + "/status-ok.xml";
        String badUrl = base + "/status-missing.xml";
        routes.put("/status-ok.xml", new Response(200, "application/rss+xml", rss(
                item("Status one", base + "/articles/status-1", "<p>one</p>"),
                item("Status two", base + "/articles/status-2", "<p>two</p>")).getBytes(StandardCharsets.UTF_8)));
        ProducerSettings settings = new ProducerSettings(kafka.bootstrapServers(),
                List.of(new FeedConfig(okUrl, "Status OK", null, null, List.of()), FeedConfig.of(badUrl)), false, null,
                null, null, null, null, null, null, null, true, null, Duration.ZERO, 2, "producer-it-status");
        try (FeedProducer producer = new FeedProducer(settings, new SimpleMeterRegistry())) {
            producer.pollOnce();
            producer.pollOnce(); // ok: 304, bad: second failure in a row, which disables it
        }
        Map<String, FeedStatus> byUrl = FeedStatusReader.latest(kafka.bootstrapServers(), Duration.ofSeconds(30)).stream()
                .collect(Collectors.toMap(FeedStatus::url, s -> s));
        assertThat(byUrl.get(okUrl)).satisfies(s -> {
            assertThat(s.name()).isEqualTo("Status OK");
            assertThat(s.itemsSeen()).isEqualTo(2);
            assertThat(s.consecutiveFailures()).isZero();
            assertThat(s.lastSuccess()).isNotNull();
            assertThat(s.nextPoll()).isAfter(s.lastSuccess());
            assertThat(s.disabledReason()).isNull();
        });
        assertThat(byUrl.get(badUrl)).satisfies(s -> {
            assertThat(s.consecutiveFailures()).isEqualTo(2);
            assertThat(s.lastError()).startsWith("http-404");
            assertThat(s.lastSuccess()).isNull();
            assertThat(s.disabledReason()).startsWith("disabled after 2 consecutive failures").contains("http-404");
            assertThat(s.nextPoll()).isNull();
        });
        // Compacted by key: one record per poll, the reader keeps the last.
        assertThat(KafkaTestSupport.readAll(kafka.bootstrapServers(), Topics.PRODUCER_FEEDS).stream()
                .filter(r -> r.key().equals(badUrl))).hasSize(2);
    }

    private static int hitsOf(String path) {
        java.util.concurrent.atomic.AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** Runs the producer's polling loop on its own thread for {@code duration}, or until {@code until} holds. */
    private static void runFor(FeedProducer producer, Duration duration, java.util.function.BooleanSupplier until)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread loop = Thread.ofPlatform().start(() -> producer.run(stop));
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline && !until.getAsBoolean()) {
            Thread.sleep(20);
        }
        stop.set(true);
        loop.join(30_000);
        assertThat(loop.isAlive()).isFalse();
    }

    @Test
    void aDisabledFeedStaysDisabledAndAFailingOneKeepsItsBackoffAcrossARestartUnlessItsEntryChanged() throws Exception {
        routes.put("/restart-flaky.xml", new Response(500, "text/html", "<p>busy</p>".getBytes(StandardCharsets.UTF_8)));
        FeedConfig dead = new FeedConfig(base + "/restart-dead.xml", "Dead", null, Duration.ofMillis(100), List.of());
        FeedConfig flaky = new FeedConfig(base + "/restart-flaky.xml", "Flaky", null, Duration.ofHours(1), List.of());
        ProducerSettings settings = new ProducerSettings(kafka.bootstrapServers(), List.of(flaky, dead), false, null,
                null, null, null, null, null, null, null, true, null, Duration.ZERO, 3, "producer-it-restart");

        // The flaky feed comes first, so it is polled once before the dead one (same host, one request at a time)
        // fails its way to disabled.
        FeedStatus flakyBefore;
        try (FeedProducer producer = new FeedProducer(settings, new SimpleMeterRegistry())) {
            runFor(producer, Duration.ofSeconds(30), () -> producer.statuses().get(1).disabledReason() != null);
            assertThat(producer.statuses().get(1).disabledReason()).startsWith("disabled after 3 consecutive failures");
            flakyBefore = producer.statuses().getFirst();
        }
        assertThat(hitsOf("/restart-dead.xml")).isEqualTo(3);
        assertThat(hitsOf("/restart-flaky.xml")).isEqualTo(1);
        assertThat(flakyBefore.consecutiveFailures()).isEqualTo(1);
        assertThat(flakyBefore.nextPoll()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(50)));

        // Restarted: the disabled feed is not fetched, the failing one waits out its backoff.
        try (FeedProducer producer = new FeedProducer(settings, new SimpleMeterRegistry())) {
            assertThat(producer.statuses().get(1)).satisfies(s -> {
                assertThat(s.disabledReason()).startsWith("disabled after 3 consecutive failures").contains("http-404");
                assertThat(s.consecutiveFailures()).isEqualTo(3);
            });
            assertThat(producer.statuses().getFirst()).satisfies(s -> {
                assertThat(s.consecutiveFailures()).isEqualTo(1);
                assertThat(s.nextPoll()).isEqualTo(flakyBefore.nextPoll());
                assertThat(s.lastError()).isEqualTo(flakyBefore.lastError());
            });
            runFor(producer, Duration.ofMillis(1500), () -> false);
            assertThat(producer.pollOnce().feedsFailed()).as("only the flaky feed is polled by a forced round").isEqualTo(1);
        }
        assertThat(hitsOf("/restart-dead.xml")).isEqualTo(3);
        assertThat(hitsOf("/restart-flaky.xml")).isEqualTo(2);

        // The dead feed's entry edited (renamed): it starts fresh and is fetched again.
        FeedConfig renamed = new FeedConfig(dead.url(), "Dead, renamed", null, Duration.ofMillis(100), List.of());
        try (FeedProducer producer = new FeedProducer(settings.withFeeds(List.of(flaky, renamed)), new SimpleMeterRegistry())) {
            assertThat(producer.statuses().get(1).disabledReason()).isNull();
            assertThat(producer.statuses().get(1).consecutiveFailures()).isZero();
            producer.pollOnce();
            assertThat(producer.statuses().get(1).consecutiveFailures()).isEqualTo(1);
        }
        assertThat(hitsOf("/restart-dead.xml")).isEqualTo(4);
    }

    @Test
    void feedsArePolledInParallelButOneAtATimePerHostWithItsDelay() throws Exception {
        // One server on every loopback address: 127.0.0.1, .2 and .3 are three hosts to the producer.
        HttpServer wide = HttpServer.create(new InetSocketAddress(0), 0);
        wide.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        Map<String, java.util.concurrent.atomic.AtomicInteger> activeByHost = new ConcurrentHashMap<>();
        Map<String, List<Long>> startsByHost = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxActive = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxPerHost = new java.util.concurrent.atomic.AtomicInteger();
        wide.createContext("/", exchange -> {
            String host = exchange.getLocalAddress().getAddress().getHostAddress();
            startsByHost.computeIfAbsent(host, h -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                    .add(System.nanoTime());
            maxPerHost.accumulateAndGet(activeByHost.computeIfAbsent(host, h -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet(), Math::max);
            maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
                byte[] body = ("<rss version=\"2.0\"><channel><title>P</title><item><title>t</title><link>http://" + host
                        + exchange.getRequestURI().getPath() + "/item</link></item>"
                        // Every feed also carries the same syndicated story: polled at once, published once.
                        + "<item><title>s</title><link>https://syndicated.example/story-" + port(exchange) + "</link></item>"
                        + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                active.decrementAndGet();
                activeByHost.get(host).decrementAndGet();
                exchange.close();
            }
        });
        wide.start();
        try {
            int port = wide.getAddress().getPort();
            List<FeedConfig> feeds = new java.util.ArrayList<>();
            for (int h = 1; h <= 3; h++) {
                for (int f = 0; f < 3; f++) {
                    feeds.add(new FeedConfig("http://127.0.0." + h + ":" + port + "/parallel-" + f + ".xml", null, null,
                            Duration.ofMillis(100), List.of()));
                }
            }
            ProducerSettings settings = new ProducerSettings(kafka.bootstrapServers(), feeds, false, null, null, null,
                    null, null, null, null, null, true, null, Duration.ofMillis(400), null, "producer-it-parallel", 4);
            try (FeedProducer producer = new FeedProducer(settings, new SimpleMeterRegistry())) {
                PollSummary once = producer.pollOnce();
                assertThat(once.feedsOk()).isEqualTo(9);
                assertThat(once.published()).isEqualTo(10);
                assertThat(once.duplicatesSkipped()).isEqualTo(8);
                AtomicBoolean stopFlag = new AtomicBoolean();
                Thread loop = new Thread(() -> producer.run(stopFlag));
                loop.start();
                Thread.sleep(2500);
                stopFlag.set(true);
                loop.join(10_000);
                assertThat(loop.isAlive()).isFalse();
            }
            assertThat(maxActive.get()).as("hosts are polled at the same time").isGreaterThanOrEqualTo(2);
            assertThat(maxPerHost.get()).as("never two requests to one host at once").isEqualTo(1);
            startsByHost.forEach((host, starts) -> {
                List<Long> sorted = starts.stream().sorted().toList();
                assertThat(sorted.size()).as(host + " polled again by run()").isGreaterThan(3);
                // The client starts them 400 ms apart; one arrival can be late on a busy machine, which shortens a
                // single gap but not the span from first to last by more than that lateness. Without the delay they
                // would come about 150 ms apart (the server's answer time).
                long span = sorted.getLast() - sorted.getFirst();
                assertThat(span / (sorted.size() - 1)).as("mean delay between requests to " + host)
                        .isGreaterThanOrEqualTo(Duration.ofMillis(360).toNanos());
            });
        } finally {
            wide.stop(0);
        }
    }

    @Test
    void backfillIngestsArchivedFeedsPagesAndJsonLinesOnceKeepingTheirDatesAndDeadLettersBadFiles() throws Exception {
        Path archive = tmp.resolve("archive");
        java.nio.file.Files.createDirectories(archive.resolve("nested"));
        String story = "<p>" + "An archived story about chips and the models trained on them. ".repeat(4) + "</p>";
        java.nio.file.Files.writeString(archive.resolve("feed.xml"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<title>Archive Daily</title><link>https://archive.example/</link><description>x</description>"
                + "<item><title>A1</title><link>https://archive.example/a1</link><pubDate>Mon, 04 Feb 2019 08:00:00 GMT</pubDate>"
                + "<description><![CDATA[" + story.replace("archived", "first") + "]]></description></item>"
                + "<item><title>A2</title><link>https://archive.example/a2</link><pubDate>Tue, 05 Feb 2019 08:00:00 GMT</pubDate>"
                + "<description><![CDATA[" + story.replace("archived", "second") + "]]></description></item>"
                + "<item><title>A3</title><link>https://archive.example/a3</link><pubDate>Wed, 06 Feb 2019 08:00:00 GMT</pubDate>"
                + "<description><![CDATA[" + story.replace("archived", "third") + "]]></description></item>"
                + "</channel></rss>");
        // Byte for byte (the page is windows-1252), only its og:url changed.
        java.nio.file.Files.writeString(archive.resolve("nested").resolve("page.html"),
                new String(page("english-article.html"), StandardCharsets.ISO_8859_1)
                        .replace("https://www.daily.example/tech/2025/mar/14/chipmakers-race?CMP=share_btn_tw",
                                "https://archive.example/page-1"), StandardCharsets.ISO_8859_1);
        java.nio.file.Files.writeString(archive.resolve("articles.jsonl"), String.join("\n",
                "{\"url\": \"https://archive.example/j1?utm_source=rss\", \"title\": \"J1\", \"text\": \"Kept as it was.\","
                        + " \"publishedAt\": \"2018-05-01T10:00:00Z\", \"authors\": [\"A. Writer\"]}",
                "this is not json",
                "{\"url\": \"https://archive.example/a1\", \"title\": \"A1 again\", \"text\": \"the same article\"}",
                "{\"url\": \"https://archive.example/no-text\"}", ""));
        java.nio.file.Files.writeString(archive.resolve("garbage.xml"), "Service temporarily unavailable");

        ProducerSettings settings = new ProducerSettings(kafka.bootstrapServers(), List.of(), false, null, null, null,
                null, null, null, null, null, false, null, null, null, "producer-it-backfill");
        List<Backfill.Progress> progress = new java.util.ArrayList<>();
        try (FeedProducer producer = new FeedProducer(settings, new SimpleMeterRegistry())) {
            PollSummary first = new Backfill(producer, settings, false).run(archive, progress::add);
            assertThat(first.published()).isEqualTo(5);
            assertThat(first.duplicatesSkipped()).isEqualTo(1);
            assertThat(first.deadLetters()).isEqualTo(3);
            assertThat(first.feedsFailed()).isEqualTo(1);
        }
        assertThat(progress).extracting(Backfill.Progress::filesDone).containsExactly(1, 2, 3, 4);
        assertThat(progress.getLast().filesFailed()).isEqualTo(1);
        // A second run (a new producer) publishes nothing again.
        try (FeedProducer again = new FeedProducer(settings, new SimpleMeterRegistry())) {
            PollSummary second = new Backfill(again, settings, false).run(archive, p -> { });
            assertThat(second.published()).isZero();
            assertThat(second.duplicatesSkipped()).isEqualTo(6);
        }

        Map<String, Article> byUrl = KafkaTestSupport.readAll(kafka.bootstrapServers(), Topics.ARTICLES_RAW).stream()
                .map(r -> Json.read(r.value(), Article.class))
                .filter(a -> a.canonicalUrl() != null && a.canonicalUrl().startsWith("https://archive.example/"))
                .collect(Collectors.toMap(Article::canonicalUrl, a -> a));
        assertThat(byUrl).containsOnlyKeys("https://archive.example/a1", "https://archive.example/a2",
                "https://archive.example/a3", "https://archive.example/page-1", "https://archive.example/j1");
        assertThat(byUrl.get("https://archive.example/a2").publishedAt()).isEqualTo(java.time.Instant.parse("2019-02-05T08:00:00Z"));
        assertThat(byUrl.get("https://archive.example/a2").text()).contains("second story about chips");
        assertThat(byUrl.get("https://archive.example/a2").feedUrl()).startsWith("file:").endsWith("/feed.xml");
        assertThat(byUrl.get("https://archive.example/page-1").publishedAt()).isEqualTo(java.time.Instant.parse("2025-03-14T09:30:00Z"));
        assertThat(byUrl.get("https://archive.example/page-1").text())
                .isEqualTo(new String(page("english-article.expected.txt"), StandardCharsets.UTF_8));
        assertThat(byUrl.get("https://archive.example/j1")).satisfies(a -> {
            assertThat(a.publishedAt()).isEqualTo(java.time.Instant.parse("2018-05-01T10:00:00Z"));
            assertThat(a.authors()).containsExactly("A. Writer");
            assertThat(a.flags()).contains("backfill");
        });
        List<DeadLetter> letters = KafkaTestSupport.readAll(kafka.bootstrapServers(), Topics.DEAD_LETTER).stream()
                .map(r -> Json.read(r.value(), DeadLetter.class)).filter(d -> d.source().contains("/archive/")).toList();
        assertThat(letters).extracting(DeadLetter::reason).containsExactlyInAnyOrder(
                "backfill-bad-line", "backfill-bad-line", "feed-not-xml",
                "backfill-bad-line", "backfill-bad-line", "feed-not-xml"); // each run reports them again
        assertThat(letters).anySatisfy(d -> assertThat(d.error()).startsWith("line 4: no text"));
    }

    private static int port(com.sun.net.httpserver.HttpExchange exchange) {
        return exchange.getLocalAddress().getPort();
    }
}
