package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.local.LocalKafka;
import io.stancewire.model.Ids;
import io.stancewire.model.Indices;
import io.stancewire.model.Json;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.TopicSetup;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch goes away in the middle of a run and comes back: the indexer waits (consumer paused, nothing
 * piling up), then every quote that is in Kafka ends up in the index exactly once.
 */
class ElasticsearchOutageIT {
    static final int BEFORE = 300;
    static final int DURING = 300;
    static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void everyQuoteIsIndexedExactlyOnceAcrossAnOutage(@TempDir Path dir) throws Exception {
        try (LocalKafka kafka = LocalKafka.startForTests(dir.resolve("kafka"))) {
            LocalElasticsearch node = LocalElasticsearch.startForTests(dir.resolve("es"));
            String url = node.httpUrl().toString();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
                 ElasticsearchClient es = ElasticsearchClients.create(url);
                 var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                         new StringSerializer(), new ByteArraySerializer())) {
                TopicSetup.ensureTopics(admin, 3, Optional.empty());
                new IndexSetup(es, IndexSettings.local()).install();
                send(producer, 0, BEFORE);

                var meters = new SimpleMeterRegistry();
                AtomicBoolean stop = new AtomicBoolean();
                try (KafkaIndexer indexer = new KafkaIndexer(IndexerSettings.defaults(kafka.bootstrapServers(), url), es, meters)) {
                    Thread thread = Thread.ofPlatform().start(() -> indexer.run(stop));
                    try {
                        await().atMost(Duration.ofSeconds(60)).until(() -> count(es) >= BEFORE / 3);

                        node.stop();
                        send(producer, BEFORE, DURING);
                        Thread.sleep(OUTAGE.toMillis());
                        assertThat(meters.counter("stancewire.indexer.retries").count())
                                .as("the indexer noticed the outage and retried").isPositive();
                        node = LocalElasticsearch.start(node.options());

                        await().atMost(Duration.ofMinutes(3)).until(() -> count(es) == BEFORE + DURING);
                        assertThat(distinctIds(es)).as("each quote once").isEqualTo(BEFORE + DURING);
                        assertThat(meters.counter("stancewire.indexer.rejected").count()).isZero();
                    } finally {
                        stop.set(true);
                        indexer.wakeup();
                        thread.join(30_000);
                    }
                }
            } finally {
                node.close();
            }
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, int from, int count) {
        for (int i = from; i < from + count; i++) {
            String articleId = Ids.articleId("https://example.org/outage/" + (i / 10));
            Quote q = new Quote(SchemaVersion.CURRENT, Ids.quoteId(articleId, i, i + 5), articleId, i, i + 5, "quote " + i,
                    "direct", null, "said", "context " + i, "en", List.of(), "https://example.org/outage/" + (i / 10),
                    "Outage", "example.org", Instant.parse("2025-01-01T00:00:00Z"));
            producer.send(new ProducerRecord<>(Topics.QUOTES, q.id(), Json.write(q)));
        }
        producer.flush();
    }

    private static long count(ElasticsearchClient es) {
        try {
            es.indices().refresh(r -> r.index(Indices.QUOTES));
            return es.count(c -> c.index(Indices.QUOTES)).count();
        } catch (Exception unavailable) {
            return -1;
        }
    }

    /** Exact below the precision threshold: the number of different quote ids in the index. */
    private static long distinctIds(ElasticsearchClient es) throws Exception {
        return es.search(s -> s.index(Indices.QUOTES).size(0)
                        .aggregations("ids", a -> a.cardinality(c -> c.field("id").precisionThreshold(10_000))), Void.class)
                .aggregations().get("ids").cardinality().value();
    }
}
