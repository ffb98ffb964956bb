package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.local.LocalKafka;
import io.stancewire.model.Indices;
import io.stancewire.model.Json;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.SpeakerEntry;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The speaker registry topic indexed on a real broker and node: one document per speaker id, names searchable in any
 * script, a tombstone deletes the document.
 */
class SpeakerIndexIT {

    @Test
    void oneDocumentPerSpeakerIdSearchableByNameAndAliasInAnyScript() throws Exception {
        LocalKafka kafka = LocalKafka.sharedForTests();
        LocalElasticsearch elasticsearch = LocalElasticsearch.sharedForTests();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
             ElasticsearchClient es = ElasticsearchClients.create(elasticsearch.httpUrl().toString())) {
            TopicSetup.ensureTopics(admin, 2, Optional.empty());
            new IndexSetup(es, IndexSettings.local()).install();

            SpeakerEntry triolo = new SpeakerEntry(SchemaVersion.CURRENT, "person:paul-triolo", "PERSON", "Paul Triolo",
                    List.of("پال ٹریولو", "Triolo", "ٹریولو"), "DGA Group", "partner", SpeakerEntry.CURATED, null, null);
            SpeakerEntry doe = new SpeakerEntry(SchemaVersion.CURRENT, "learned-jane-doe", "PERSON", "Jane Doe", List.of(),
                    "Foo Capital", "analyst", SpeakerEntry.LEARNED, Instant.parse("2026-11-28T06:00:00Z"), "article-1");
            SpeakerEntry doeMoved = new SpeakerEntry(SchemaVersion.CURRENT, doe.id(), "PERSON", "Jane Doe", List.of(),
                    "Bar Bank", "economist", SpeakerEntry.LEARNED, doe.firstSeenAt(), "article-1");
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.SPEAKERS, triolo.id(), Json.write(triolo)));
                producer.send(new ProducerRecord<>(Topics.SPEAKERS, doe.id(), Json.write(doe)));
                producer.send(new ProducerRecord<>(Topics.SPEAKERS, doe.id(), Json.write(doeMoved))); // a newer version
                producer.send(new ProducerRecord<>(Topics.SPEAKERS, triolo.id(), Json.write(triolo))); // the seed again
                producer.flush();
            }

            var settings = IndexerSettings.defaults(kafka.bootstrapServers(), elasticsearch.httpUrl().toString());
            try (IndexerThreads ignored = new IndexerThreads(settings, 1, es, new SimpleMeterRegistry())) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    es.indices().refresh(r -> r.index(Indices.SPEAKERS));
                    assertThat(es.get(g -> g.index(Indices.SPEAKERS).id(doe.id()), Map.class).source())
                            .isNotNull().containsEntry("affiliation", "Bar Bank");
                });
                es.indices().refresh(r -> r.index(Indices.SPEAKERS));
                assertThat(ids(es.search(s -> s.index(Indices.SPEAKERS).query(q -> q.term(t -> t.field("name.keyword").value("Jane Doe"))), Map.class).hits().hits()))
                        .containsExactly(doe.id());

                send(kafka, doe.id(), null); // removed from the registry: a tombstone
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(es.get(g -> g.index(Indices.SPEAKERS).id(doe.id()), Map.class).found()).isFalse());
                send(kafka, "person:never-indexed", null); // deleting what is not there is not an error
            }

            es.indices().refresh(r -> r.index(Indices.SPEAKERS));
            assertThat(es.count(c -> c.index(Indices.SPEAKERS)).count()).isEqualTo(1);
            assertThat(ids(es.search(s -> s.index(Indices.SPEAKERS).query(q -> q.match(m -> m.field("aliases").query("ٹریولو"))), Map.class).hits().hits()))
                    .containsExactly(triolo.id());
            assertThat(ids(es.search(s -> s.index(Indices.SPEAKERS).query(q -> q.match(m -> m.field("affiliation").query("dga"))), Map.class).hits().hits()))
                    .containsExactly(triolo.id());
        }
    }

    private static void send(LocalKafka kafka, String key, byte[] value) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SPEAKERS, key, value));
        }
    }

    static List<String> ids(List<Hit<Map>> hits) {
        return hits.stream().map(Hit::id).toList();
    }
}
