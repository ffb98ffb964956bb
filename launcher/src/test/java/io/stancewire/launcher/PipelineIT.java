package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.stancewire.archive.ArchiveServer;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.local.LocalKafka;
import io.stancewire.model.Indices;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline on a real broker and a real node: the bundled sample feeds go in through HTTP, articles and
 * quotes come out in Elasticsearch, a second run duplicates nothing, and broken input becomes a dead letter.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {
    static Path dir;
    static LocalKafka kafka;
    static LocalElasticsearch elasticsearch;
    static ElasticsearchClient es;
    static String esUrl;
    /** Article ids derive from URLs, so the sample server must keep its address across runs, as it does by default. */
    static int samplesPort;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("stancewire-it");
        var k = CompletableFuture.supplyAsync(() -> LocalKafka.startForTests(dir.resolve("kafka")));
        var e = CompletableFuture.supplyAsync(() -> LocalElasticsearch.startForTests(dir.resolve("es")));
        kafka = k.join();
        elasticsearch = e.join();
        esUrl = elasticsearch.httpUrl().toString().replaceAll("/$", "");
        es = ElasticsearchClients.create(esUrl);
        samplesPort = LocalKafka.freePorts(1)[0];
    }

    @AfterAll
    static void stop() throws Exception {
        if (es != null) es.close();
        if (elasticsearch != null) elasticsearch.close();
        if (kafka != null) kafka.close();
    }

    static int runs;

    /**
     * Each run gets its own data folder: users run one command per process, while these runs share a JVM, where a
     * closing Kafka Streams instance may still hold its state folder when the next run starts. State is rebuilt
     * from Kafka, so this also shows that nothing depends on the local folder.
     */
    static int runOnce() {
        return Main.commandLine().execute("run", "--once", "--kafka", kafka.bootstrapServers(), "--elasticsearch", esUrl,
                "--data-dir", dir.resolve("run-" + (++runs)).toString(), "--timeout", "PT5M", "--samples-port", Integer.toString(samplesPort));
    }

    @Test
    @Order(1)
    void sampleFeedsEndUpAsArticlesAndQuotesWithSpeakers() throws Exception {
        assertThat(runOnce()).isZero();

        List<Map> articles = search(Indices.ARTICLES, "*");
        assertThat(articles).hasSize(3);
        Map seed = articles.stream().filter(a -> "ur".equals(a.get("language"))).findFirst().orElseThrow();
        assertThat((String) seed.get("text")).contains("ٹریولو");
        assertThat(seed.get("canonicalUrl").toString()).doesNotContain("utm_");

        List<Map> seedQuotes = search(Indices.QUOTES, "articleId:" + seed.get("id"));
        assertThat(seedQuotes).hasSizeGreaterThanOrEqualTo(13);
        List<Map> attributed = seedQuotes.stream().filter(q -> q.get("speaker") != null).toList();
        assertThat(attributed).hasSizeGreaterThanOrEqualTo(13);
        assertThat(attributed).extracting(q -> ((Map) q.get("speaker")).get("name"))
                .contains("Paul Triolo", "Tiezhen Wang", "Grace Isford", "Xin Sun");

        assertThat(attributed).as("Triolo's quote on the growing hardware gap is bearish on China's AI, with evidence")
                .filteredOn(q -> "Paul Triolo".equals(((Map) q.get("speaker")).get("name")))
                .anySatisfy(q -> {
                    Map stance = (Map) q.get("stance");
                    assertThat(stance.get("label")).isEqualTo("AGAINST");
                    assertThat((List<?>) stance.get("evidence")).isNotEmpty();
                    assertThat((String) q.get("text")).contains("فرق");
                });

        List<Map> englishQuotes = search(Indices.QUOTES, "language:en");
        assertThat(englishQuotes).filteredOn(q -> q.get("speaker") != null).extracting(q -> ((Map) q.get("speaker")).get("name"))
                .contains("Jensen Huang", "Christophe Fouquet", "Gina Raimondo", "David Sacks");
        assertThat(englishQuotes).allSatisfy(q -> assertThat((List<?>) q.get("stances")).isNotEmpty());

        List<Map> trends = search(Indices.TRENDS, "dimension:speaker");
        assertThat(trends).as("stance trends per speaker are indexed for dashboards").isNotEmpty()
                .allSatisfy(t -> assertThat(((Number) t.get("total")).longValue()).isPositive());
    }

    @Test
    @Order(2)
    void aSecondRunCreatesNoDuplicates() throws Exception {
        long articles = count(Indices.ARTICLES);
        long quotes = count(Indices.QUOTES);

        assertThat(runOnce()).isZero();

        assertThat(count(Indices.ARTICLES)).isEqualTo(articles);
        assertThat(count(Indices.QUOTES)).isEqualTo(quotes);
    }

    @Test
    @Order(2)
    void feedsStatusShowsWhatTheProducerLastSawOfEachFeed() {
        CliCommandsTest.Run json = CliCommandsTest.run("feeds", "status", "--kafka", kafka.bootstrapServers(), "--json");
        assertThat(json.exit()).isZero();
        List<io.stancewire.producer.FeedStatus> statuses = json.out().lines()
                .map(l -> io.stancewire.model.Json.read(l, io.stancewire.producer.FeedStatus.class)).toList();
        assertThat(statuses).isNotEmpty().allSatisfy(s -> {
            assertThat(s.url()).startsWith("http://127.0.0.1:" + samplesPort + "/");
            assertThat(s.lastSuccess()).isNotNull();
            assertThat(s.consecutiveFailures()).isZero();
            assertThat(s.disabledReason()).isNull();
        });
        assertThat(statuses).anySatisfy(s -> assertThat(s.itemsSeen()).isPositive());

        CliCommandsTest.Run table = CliCommandsTest.run("feeds", "status", "--kafka", kafka.bootstrapServers());
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("last success", "OK").contains(statuses.size() + " feeds, 0 failing, 0 disabled");
    }

    @Test
    @Order(3)
    void aRecordThatIsNotJsonBecomesADeadLetterAndTheRestStillFlows() throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, "broken-1", "{\"id\": \"broken-1\", \"text\": ")).get();
        }
        long articles = count(Indices.ARTICLES);

        assertThat(runOnce()).isZero();

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(search(Indices.DEAD_LETTERS, "key:broken-1")).singleElement()
                        .satisfies(d -> {
                            assertThat(d.get("reason")).isEqualTo("invalid-json");
                            assertThat(d.get("stage")).isEqualTo("streams");
                        }));
        assertThat(count(Indices.ARTICLES)).isEqualTo(articles);
    }

    @Test
    @Order(4)
    void theArchiveFindsTriolosQuotesWithTheirStanceOverHttpAndOnTheCommandLine() throws Exception {
        try (ArchiveServer api = ArchiveServer.start(0, esUrl)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api.port() + "/api/quotes?speaker=Paul%20Triolo&label=AGAINST")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            var page = io.stancewire.model.Json.MAPPER.readTree(response.body());
            assertThat(page.get("total").asLong()).isPositive();
            page.get("hits").forEach(hit -> {
                assertThat(hit.at("/quote/speaker/name").asText()).isEqualTo("Paul Triolo");
                assertThat(hit.at("/quote/stance/label").asText()).isEqualTo("AGAINST");
                assertThat(hit.at("/quote/url").asText()).startsWith("http://127.0.0.1:" + samplesPort);
            });
        }
        CliCommandsTest.Run cli = CliCommandsTest.run("quotes", "search", "--elasticsearch", esUrl, "--speaker", "Paul Triolo");
        assertThat(cli.exit()).isZero();
        assertThat(cli.out()).contains("Paul Triolo").contains("by stance:").containsPattern("AGAINST \\d");
    }

    /**
     * The stage commands as an operator runs them, each in its own JVM with {@code --metrics-port}: what they
     * scrape is what the stage did. Runs last: the producer here publishes the samples under a new address.
     */
    @Test
    @Order(5)
    void theProducerServesMetricsCountingWhatItPublished() throws Exception {
        TopicWindow window = TopicWindow.markEnd(kafka.bootstrapServers(), Topics.ARTICLES_RAW);
        int[] ports = LocalKafka.freePorts(2);
        Process produce = stage("produce", "--kafka", kafka.bootstrapServers(), "--data-dir", dir.resolve("produce-metrics").toString(),
                "--samples-port", Integer.toString(ports[0]), "--metrics-port", Integer.toString(ports[1]));
        try {
            // another sample address: the same articles are new ones to the producer (ids derive from URLs)
            String scrape = await().atMost(Duration.ofMinutes(2)).ignoreExceptions()
                    .until(() -> scrape(ports[1]), s -> MetricsTest.sample(s, "stancewire_producer_articles_published_total") >= 3);
            Set<String> published = window.keysSinceMark();
            assertThat(MetricsTest.sample(scrape, "stancewire_producer_articles_published_total")).isEqualTo(published.size());
            assertThat(MetricsTest.sample(scrape, "stancewire_producer_feed_polls_total{outcome=\"ok\"}")).isPositive();
            assertThat(MetricsTest.sample(scrape, "kafka_producer_record_send_total{")).isGreaterThanOrEqualTo(published.size());
            assertThat(MetricsTest.sample(scrape, "jvm_memory_used_bytes{area=\"heap\"")).isPositive();
            assertThat(MetricsTest.sample(scrape, "process_cpu_usage")).isNotNegative();
        } finally {
            stop(produce);
        }
    }

    @Test
    @Order(5)
    void theIndexerServesMetricsCountingWhatItIndexedAndDeadLettered() throws Exception {
        List<String> broken = List.of("metrics-broken-1", "metrics-broken-2", "metrics-broken-3");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (String key : broken) {
                producer.send(new ProducerRecord<>(Topics.QUOTES, key, "{\"id\": ")).get();
            }
        }
        int port = LocalKafka.freePorts(1)[0];
        Process index = stage("index", "--kafka", kafka.bootstrapServers(), "--elasticsearch", esUrl,
                "--data-dir", dir.resolve("index-metrics").toString(), "--metrics-port", Integer.toString(port));
        try {
            String scrape = await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> scrape(port),
                    s -> MetricsTest.sample(s, "stancewire_indexer_indexed_total{index=\"stancewire-deadletters\"}") >= broken.size());
            // the quotes topic held nothing else new: every dead letter the indexer wrote is one of these
            assertThat(MetricsTest.sample(scrape, "stancewire_deadletters_total{reason=\"invalid-record\",stage=\"indexer\"}"))
                    .isEqualTo(broken.size());
            assertThat(search(Indices.DEAD_LETTERS, "key:metrics-broken-*")).hasSize(broken.size());
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    assertThat(MetricsTest.sample(scrape(port), "stancewire_indexer_lag")).as("caught up").isZero());
            assertThat(scrape).contains("kafka_consumer_fetch_manager_records_lag_max{", "kafka_consumer_coordinator_commit_total{",
                    "jvm_gc_", "process_uptime_seconds");
        } finally {
            stop(index);
        }
    }

    /** A stage command in a JVM of its own, as {@code ./stancewire} starts it. */
    private static Process stage(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(args[0] + "-metrics.out").toFile());
        builder.environment().put("STANCEWIRE_LOG_DIR", dir.resolve("logs-" + args[0]).toString());
        return builder.start();
    }

    /** SIGTERM, as an orchestrator stops a stage: it must shut down cleanly, metrics server included. */
    private static void stop(Process stage) throws Exception {
        stage.destroy();
        try {
            assertThat(stage.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
            assertThat(stage.exitValue()).isZero();
        } finally {
            stage.destroyForcibly();
        }
    }

    private static String scrape(int port) throws Exception {
        HttpResponse<String> response = MetricsTest.get(port, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static List<Map> search(String index, String query) throws Exception {
        es.indices().refresh(r -> r.index(index));
        return es.search(s -> s.index(index).size(1000).q(query), Map.class).hits().hits().stream().map(Hit::source).toList();
    }

    static long count(String index) throws Exception {
        es.indices().refresh(r -> r.index(index));
        return es.count(c -> c.index(index)).count();
    }
}
