package io.stancewire.launcher;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.sun.net.httpserver.HttpServer;
import io.stancewire.alerts.AlertsApi;
import io.stancewire.alerts.Owners;
import io.stancewire.indexer.ElasticsearchClients;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.local.LocalKafka;
import io.stancewire.model.Alert;
import io.stancewire.model.Article;
import io.stancewire.model.Ids;
import io.stancewire.model.Indices;
import io.stancewire.model.Json;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Subscription;
import io.stancewire.model.TopicSetup;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts from end to end on a real broker and node: a subscription for Paul Triolo turning bearish, then the
 * sample feeds, and a local webhook receives his hardware-gap quote, signed, once. In the same run: the same
 * subscription delivered to a Kafka topic (each alert there once), a stance-shift subscription that fires once on
 * two constructed articles (a speaker FAVOR, then AGAINST a day later), and {@code stancewire alerts list|test}
 * against the API afterwards.
 */
class AlertsPipelineIT {
    record Delivery(String body, String signature, String alertId) {}

    static final String SHIFTING_SPEAKER = "Helen Marsh";

    /** Two articles on one partition (so streams reads them in order): she is bullish on China, then, a day later, bearish. */
    static void publishShiftArticles(String bootstrapServers) throws Exception {
        Instant now = Instant.now();
        List<Article> articles = List.of(
                article("https://example.org/marsh-1", "Chinese labs close in", now.minus(Duration.ofHours(30)),
                        "BEIJING — Investors are watching Chinese artificial intelligence start-ups closely. "
                                + "\"China's AI industry is pulling ahead of Silicon Valley faster than anyone expected,\" said Helen Marsh, "
                                + "an analyst at Corvid Research, on Monday. The remarks came as several labs released new models."),
                article("https://example.org/marsh-2", "Analyst turns cautious on Chinese chips", now.minus(Duration.ofHours(3)),
                        "LONDON — Sentiment on Chinese chipmakers soured this week. "
                                + "\"Chinese AI chips remain years behind Nvidia, and the export controls are working,\" said Helen Marsh, "
                                + "an analyst at Corvid Research. \"Without advanced lithography, China's chipmakers will fall a decade behind "
                                + "the West,\" Helen Marsh added. Other analysts were less pessimistic."));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Article a : articles) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, 0, a.id(), Json.write(a))).get();
            }
        }
    }

    static Article article(String url, String title, Instant publishedAt, String text) {
        return new Article(SchemaVersion.CURRENT, Ids.articleId(url), url, url, url, "https://example.org/feed", "Example Wire",
                "example.org", title, List.of(), publishedAt, Instant.now(), "en", text, null, List.of());
    }

    static String subscribe(int apiPort, Map<String, Object> subscription) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + apiPort + "/api/alerts/subscriptions"))
                .header("Authorization", "Bearer key-ana").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.writeString(subscription))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body(), Subscription.class).id();
    }

    @Test
    void aSubscriberHearsOfTriolosBearishQuoteOnceAndSigned(@TempDir Path dir) throws Exception {
        var k = CompletableFuture.supplyAsync(() -> LocalKafka.startForTests(dir.resolve("kafka")));
        var e = CompletableFuture.supplyAsync(() -> LocalElasticsearch.startForTests(dir.resolve("es")));
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("X-Stancewire-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Stancewire-Alert-Id")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        Path owners = dir.resolve("owners.properties");
        Files.writeString(owners, "ana.apiKey=key-ana\nana.webhookSecret=secret-ana\n");

        try (LocalKafka kafka = k.join(); LocalElasticsearch node = e.join()) {
            String esUrl = node.httpUrl().toString().replaceAll("/$", "");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                TopicSetup.ensureTopics(admin, 3, Optional.empty());
            }
            String hook = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook";
            String trioloId;
            String shiftId;
            try (AlertsApi api = AlertsApi.start(kafka.bootstrapServers(), Owners.load(owners), "127.0.0.1", 0, true)) {
                trioloId = subscribe(api.port(), Map.of("name", "Triolo turns bearish", "speaker", "Paul Triolo",
                        "stance", "AGAINST", "webhookUrl", hook));
                subscribe(api.port(), Map.of("name", "Triolo to Kafka", "speaker", "Paul Triolo", "stance", "AGAINST",
                        "kafkaTopic", "ana.triolo"));
                shiftId = subscribe(api.port(), Map.of("name", "Marsh flips", "kind", "shift", "speaker", SHIFTING_SPEAKER,
                        "webhookUrl", hook));
            }
            publishShiftArticles(kafka.bootstrapServers());

            int exit = Main.commandLine().execute("run", "--once", "--kafka", kafka.bootstrapServers(), "--elasticsearch", esUrl,
                    "--data-dir", dir.resolve("run").toString(), "--samples-port", Integer.toString(LocalKafka.freePorts(1)[0]),
                    "--owners", owners.toString(), "--alerts-port", "0", "--allow-private-webhooks", "--timeout", "PT5M");
            assertThat(exit).isZero();

            List<Map> bearish = trioloAgainst(esUrl);
            assertThat(bearish).as("Triolo's AGAINST quotes in the archive").isNotEmpty();
            List<Delivery> shiftDeliveries = deliveries.stream().filter(d -> d.body().contains("\"subscriptionId\":\"" + shiftId + "\"")).toList();
            assertThat(shiftDeliveries).as("one shift alert for the speaker who flipped").singleElement().satisfies(d -> {
                Alert alert = Json.read(d.body(), Alert.class);
                assertThat(alert.kind()).isEqualTo(Subscription.SHIFT);
                assertThat(alert.shift().speakerName()).isEqualTo(SHIFTING_SPEAKER);
                assertThat(alert.shift().from()).isEqualTo("FAVOR");
                assertThat(alert.shift().to()).isEqualTo("AGAINST");
                assertThat(d.alertId()).isEqualTo(alert.id());
                assertThat(d.signature()).isEqualTo("sha256=" + hmac("secret-ana", d.body()));
            });
            List<Delivery> trioloDeliveries = deliveries.stream().filter(d -> d.body().contains("\"subscriptionId\":\"" + trioloId + "\"")).toList();
            assertThat(deliveries).hasSize(trioloDeliveries.size() + 1);
            assertThat(trioloDeliveries).as("one delivery per matching quote, no repeats").hasSize(bearish.size());
            assertThat(deliveries).extracting(Delivery::alertId).doesNotHaveDuplicates();

            List<Alert> onTopic = readAlerts(kafka.bootstrapServers(), "ana.triolo");
            assertThat(onTopic).as("the Kafka-topic delivery: each alert once").hasSize(bearish.size());
            assertThat(onTopic).extracting(Alert::id).doesNotHaveDuplicates();
            assertThat(onTopic).allSatisfy(a -> assertThat(a.quote().speaker().name()).isEqualTo("Paul Triolo"));

            try (AlertsApi api = AlertsApi.start(kafka.bootstrapServers(), Owners.load(owners), "127.0.0.1", 0, true)) {
                String url = "http://127.0.0.1:" + api.port();
                CliCommandsTest.Run list = CliCommandsTest.run("alerts", "list", "--url", url, "--api-key", "key-ana");
                assertThat(list.exit()).as(list.out()).isZero();
                assertThat(list.out()).contains("3 subscription(s)").contains("kafka=ana.triolo")
                        .contains("delivered " + bearish.size() + ", failed attempts 0, dead-lettered 0");
                CliCommandsTest.Run test = CliCommandsTest.run("alerts", "test", trioloId, "--url", url, "--api-key", "key-ana",
                        "--kafka", kafka.bootstrapServers());
                assertThat(test.exit()).as(test.out()).isZero();
                assertThat(test.out()).containsPattern(bearish.size() + " of \\d+ quote\\(s\\) would fire");
            }
            for (Delivery d : trioloDeliveries) {
                assertThat(d.signature()).isEqualTo("sha256=" + hmac("secret-ana", d.body()));
                assertThat(d.body()).contains("Paul Triolo").contains("AGAINST");
            }
            assertThat(deliveries).anySatisfy(d -> assertThat(d.body()).contains("فرق"));
        } finally {
            webhook.stop(0);
        }
    }

    private static List<Alert> readAlerts(String bootstrapServers, String topic) {
        List<Alert> out = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> out.add(Json.read(r.value(), Alert.class)));
            }
        }
        return out;
    }

    private static List<Map> trioloAgainst(String esUrl) throws Exception {
        try (ElasticsearchClient es = ElasticsearchClients.create(esUrl)) {
            es.indices().refresh(r -> r.index(Indices.QUOTES));
            return es.search(s -> s.index(Indices.QUOTES).size(100)
                            .q("speaker.name.keyword:\"Paul Triolo\" AND stance.label:AGAINST"), Map.class)
                    .hits().hits().stream().map(Hit::source).toList();
        }
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
