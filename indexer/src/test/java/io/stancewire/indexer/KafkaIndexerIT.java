package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.local.LocalKafka;
import io.stancewire.model.Alert;
import io.stancewire.model.AlertDelivery;
import io.stancewire.model.Article;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.EnrichedArticle;
import io.stancewire.model.Ids;
import io.stancewire.model.Indices;
import io.stancewire.model.Json;
import io.stancewire.model.Mention;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Speaker;
import io.stancewire.model.Stance;
import io.stancewire.model.StanceShift;
import io.stancewire.model.TopicSetup;
import io.stancewire.model.Topics;
import io.stancewire.model.VolumeSpike;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The indexer on a real broker and a real node. */
class KafkaIndexerIT {
    static LocalKafka kafka;
    static LocalElasticsearch elasticsearch;
    static ElasticsearchClient es;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("stancewire-indexer-it");
        var k = CompletableFuture.supplyAsync(() -> LocalKafka.startForTests(dir.resolve("kafka")));
        var e = CompletableFuture.supplyAsync(() -> LocalElasticsearch.startForTests(dir.resolve("es")));
        kafka = k.join();
        elasticsearch = e.join();
        es = ElasticsearchClients.create(elasticsearch.httpUrl().toString());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicSetup.ensureTopics(admin, 2, Optional.empty());
        }
        new IndexSetup(es, IndexSettings.local()).install();
    }

    @AfterAll
    static void stop() throws Exception {
        if (es != null) es.close();
        if (elasticsearch != null) elasticsearch.close();
        if (kafka != null) kafka.close();
    }

    @Test
    void indexesAtDeterministicIdsAndDeadLettersWhatItCannotIndex() throws Exception {
        Article article = new Article(SchemaVersion.CURRENT, Ids.articleId("https://example.org/a"), "https://example.org/a",
                "https://example.org/a", "g", "https://example.org/feed", "Example", "example.org", "Chips",
                List.of(), Instant.parse("2025-01-02T03:04:05Z"), Instant.now(), "en",
                "\"We are way ahead on chips,\" Jensen Huang said.", null, List.of());
        Quote quote = quote(article, 1, 26, "We are way ahead on chips,", "AGAINST");
        Quote other = quote(article, 0, 5, "other", "NONE");
        // A keyword over Lucene's 32 KB term limit: Elasticsearch rejects the document, as it would a mapping conflict.
        Quote unindexable = new Quote(SchemaVersion.CURRENT, "too-long", "x".repeat(40_000), 0, 1, "t", "direct", null,
                null, null, "en", List.of(), null, null, null, null);
        EnrichedArticle enriched = new EnrichedArticle(SchemaVersion.CURRENT, article, "en", 0.99, List.of(), List.of(quote, other), Instant.now());

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, article.id(), Json.write(enriched)));
            producer.send(new ProducerRecord<>(Topics.QUOTES, quote.id(), Json.write(quote)));
            producer.send(new ProducerRecord<>(Topics.QUOTES, quote.id(), Json.write(quote))); // redelivered
            producer.send(new ProducerRecord<>(Topics.QUOTES, other.id(), Json.write(other)));
            producer.send(new ProducerRecord<>(Topics.QUOTES, "broken", "{not json".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(Topics.QUOTES, unindexable.id(), Json.write(unindexable)));
            producer.flush();
        }

        var settings = IndexerSettings.defaults(kafka.bootstrapServers(), elasticsearch.httpUrl().toString());
        try (IndexerThreads ignored = new IndexerThreads(settings, 1, es, new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(docs(Indices.DEAD_LETTERS)).extracting(d -> d.get("reason"))
                        .containsExactlyInAnyOrder("invalid-record", "rejected-by-elasticsearch");
                assertThat(docs(Indices.QUOTES)).hasSize(2);
            });
        }

        Map<?, ?> indexed = es.get(g -> g.index(Indices.QUOTES).id(quote.id()), Map.class).source();
        assertThat(indexed.get("text")).isEqualTo("We are way ahead on chips,");
        assertThat(((Map<?, ?>) indexed.get("stance")).get("label")).isEqualTo("AGAINST");
        assertThat(((Map<?, ?>) indexed.get("speaker")).get("name")).isEqualTo("Jensen Huang");
        Map<?, ?> articleDoc = es.get(g -> g.index(Indices.ARTICLES).id(article.id()), Map.class).source();
        assertThat(articleDoc.get("quoteCount")).isEqualTo(2);
        assertThat(articleDoc.get("speakers")).isEqualTo(List.of("Jensen Huang"));
        assertThat(docs(Indices.DEAD_LETTERS)).filteredOn(d -> "rejected-by-elasticsearch".equals(d.get("reason")))
                .singleElement().satisfies(d -> assertThat((String) d.get("error")).contains("failed to parse field [articleId]").hasSizeLessThan(DeadLetter.MAX_ERROR_CHARS + 40));
    }

    @Test
    void alertsAndTheirLatestDeliveryOutcomeBecomeAlertHistory() throws Exception {
        Article article = new Article(SchemaVersion.CURRENT, Ids.articleId("https://example.org/b"), "https://example.org/b",
                "https://example.org/b", "g", "https://example.org/feed", "Example", "example.org", "Chips",
                List.of(), Instant.parse("2025-01-03T03:04:05Z"), Instant.now(), "en", "text", null, List.of());
        Quote quote = quote(article, 1, 26, "China's chips lag years behind", "AGAINST");
        Alert onQuote = new Alert(SchemaVersion.CURRENT, Alert.id("sub-1", quote.id()), "sub-1", "ana", "quote", quote, null,
                Instant.parse("2025-01-03T04:00:00Z"));
        StanceShift shift = new StanceShift(SchemaVersion.CURRENT, "shift-1", "china-ai", "jensen-huang", "jensen-huang", "Jensen Huang",
                "Nvidia", "FAVOR", "AGAINST", 0.4, -0.3, quote.id(), article.id(), quote.text(), article.url(), "Example",
                Instant.parse("2025-01-03T03:04:05Z"));
        Alert onShift = new Alert(SchemaVersion.CURRENT, Alert.id("sub-2", shift.id()), "sub-2", "ana", "shift", null, shift,
                Instant.parse("2025-01-03T04:00:01Z"));
        AlertDelivery failed = new AlertDelivery(SchemaVersion.CURRENT, onQuote.id(), "sub-1", "ana", AlertDelivery.DEAD_LETTERED, 5,
                "HTTP 503", Instant.parse("2025-01-03T04:01:00Z"));
        AlertDelivery retried = new AlertDelivery(SchemaVersion.CURRENT, onQuote.id(), "sub-1", "ana", AlertDelivery.DELIVERED, 2,
                null, Instant.parse("2025-01-03T05:00:00Z"));
        Alert onSpike = new Alert(SchemaVersion.CURRENT, Alert.id("sub-3", "spike\u00002025-01-03"), "sub-3", "ana", "spike", quote,
                null, Instant.parse("2025-01-03T04:00:02Z"),
                new VolumeSpike(java.time.LocalDate.parse("2025-01-03"), 9, 2.5, 7, 3.0, 5, 7.5));
        AlertDelivery spikeHook = new AlertDelivery(SchemaVersion.CURRENT, onSpike.id(), "sub-3", "ana", AlertDelivery.DELIVERED, 1,
                null, Instant.parse("2025-01-03T04:00:03Z"));
        AlertDelivery spikeTopicGone = new AlertDelivery(SchemaVersion.CURRENT, onSpike.id(), "sub-3", "ana",
                AlertDelivery.DEAD_LETTERED, 0, "kafka topic desk.x does not exist", Instant.parse("2025-01-03T04:00:02Z"),
                AlertDelivery.KAFKA);

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERTS, onQuote.id(), Json.write(onQuote)));
            producer.send(new ProducerRecord<>(Topics.ALERTS, onQuote.id(), Json.write(onQuote))); // a replay
            producer.send(new ProducerRecord<>(Topics.ALERTS, onShift.id(), Json.write(onShift)));
            producer.send(new ProducerRecord<>(Topics.ALERT_DELIVERIES, failed.alertId(), Json.write(failed)));
            producer.send(new ProducerRecord<>(Topics.ALERT_DELIVERIES, retried.alertId(), Json.write(retried)));
            producer.send(new ProducerRecord<>(Topics.ALERTS, onSpike.id(), Json.write(onSpike)));
            producer.send(new ProducerRecord<>(Topics.ALERT_DELIVERIES, spikeHook.key(), Json.write(spikeHook)));
            producer.send(new ProducerRecord<>(Topics.ALERT_DELIVERIES, spikeTopicGone.key(), Json.write(spikeTopicGone)));
            producer.flush();
        }

        var settings = IndexerSettings.defaults(kafka.bootstrapServers(), elasticsearch.httpUrl().toString());
        try (IndexerThreads ignored = new IndexerThreads(settings, 1, es, new SimpleMeterRegistry())) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(docs(Indices.ALERTS))
                    .filteredOn(d -> "delivered".equals(d.get("status"))).hasSize(2));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(docs(Indices.ALERTS)).hasSize(6));
        }

        assertThat(es.indices().getAlias(a -> a.name(Indices.ALERTS)).aliases()).containsOnlyKeys(Indices.ALERTS + "-000001");
        List<Map> history = docs(Indices.ALERTS);
        assertThat(history).extracting(d -> d.get("record"))
                .containsExactlyInAnyOrder("alert", "alert", "alert", "delivery", "delivery", "delivery");
        Map<?, ?> alert = es.get(g -> g.index(Indices.ALERTS).id(onQuote.id()), Map.class).source();
        assertThat(alert.get("speakerName")).isEqualTo("Jensen Huang");
        assertThat(alert.get("labels")).isEqualTo(List.of("AGAINST"));
        assertThat(alert.get("subscriptionId")).isEqualTo("sub-1");
        Map<?, ?> shiftDoc = es.get(g -> g.index(Indices.ALERTS).id(onShift.id()), Map.class).source();
        assertThat(shiftDoc.get("shiftFrom")).isEqualTo("FAVOR");
        assertThat(shiftDoc.get("shiftTo")).isEqualTo("AGAINST");
        assertThat(history).filteredOn(d -> onQuote.id().equals(d.get("alertId")) && "delivery".equals(d.get("record")))
                .singleElement().satisfies(d -> {
                    assertThat(d.get("attempts")).isEqualTo(2);
                    assertThat(d.get("channel")).isEqualTo("webhook");
                });
        // A spike alert keeps its numbers; its webhook and Kafka-topic outcomes are two documents.
        Map<?, ?> spikeDoc = es.get(g -> g.index(Indices.ALERTS).id(onSpike.id()), Map.class).source();
        assertThat(spikeDoc.get("spike")).isEqualTo(Map.of("day", "2025-01-03", "count", 9, "trailingAverage", 2.5,
                "trailingDays", 7, "factor", 3.0, "minCount", 5, "threshold", 7.5));
        assertThat(history).filteredOn(d -> onSpike.id().equals(d.get("alertId")) && "delivery".equals(d.get("record")))
                .extracting(d -> d.get("channel") + ":" + d.get("status"))
                .containsExactlyInAnyOrder("webhook:delivered", "kafka:dead-lettered");
        long bigSpikes = es.count(c -> c.index(Indices.ALERTS).query(q -> q.range(r -> r.number(n -> n.field("spike.count").gte(8.0)))))
                .count();
        assertThat(bigSpikes).as("spike.count is mapped as a number").isEqualTo(1);
        // what Kibana would ask: alerts per subscription, through the keyword fields of the template
        long perSubscription = es.count(c -> c.index(Indices.ALERTS).query(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("record").value("alert")))
                .filter(f -> f.term(t -> t.field("subscriptionId").value("sub-1")))))).count();
        assertThat(perSubscription).isEqualTo(1);
    }

    static Quote quote(Article a, int begin, int end, String text, String label) {
        Speaker speaker = new Speaker("jensen-huang", "Jensen Huang", new Mention(37, 49, "Jensen Huang"), "Nvidia", "CEO", "PERSON");
        return new Quote(SchemaVersion.CURRENT, Ids.quoteId(a.id(), begin, end), a.id(), begin, end, text, "direct", speaker,
                "said", a.text(), "en", List.of(new Stance("china-ai", label, 0.8, List.of("way ahead"))), a.url(),
                a.title(), a.outlet(), a.publishedAt());
    }

    static List<Map> docs(String index) throws Exception {
        es.indices().refresh(r -> r.index(index));
        return es.search(s -> s.index(index).size(100), Map.class).hits().hits().stream().map(Hit::source).toList();
    }
}
