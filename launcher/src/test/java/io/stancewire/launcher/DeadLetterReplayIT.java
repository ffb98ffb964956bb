package io.stancewire.launcher;

import io.stancewire.local.LocalKafka;
import io.stancewire.model.Alert;
import io.stancewire.model.AlertDelivery;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.Json;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Subscription;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/** Replaying dead letters on a real broker: only the replayable ones of the filter, each once. */
class DeadLetterReplayIT {
    static final Instant AT = Instant.parse("2026-11-28T15:00:00Z");
    static final DeadLetterReplay.Filter REJECTED = new DeadLetterReplay.Filter("indexer", "rejected-by-elasticsearch");

    String bootstrap;
    String deadLetters;
    String quotes;
    String deliveries;

    @BeforeEach
    void topics() throws Exception {
        bootstrap = LocalKafka.sharedForTests().bootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        deadLetters = "it-deadletters-" + run;
        quotes = "it-quotes-" + run;
        deliveries = "it-deliveries-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(deadLetters, 2, (short) 1), new NewTopic(quotes, 1, (short) 1),
                    new NewTopic(deliveries, 1, (short) 1))).all().get();
        }
    }

    @Test
    void replaysTheFiltersReplayableDeadLettersOnceEach() {
        deadLetter(DeadLetter.of("indexer", quotes, 0, 7L, "q-1", "rejected-by-elasticsearch", "mapping conflict", "{\"id\":\"q-1\"}"));
        deadLetter(DeadLetter.of("indexer", quotes, 0, 8L, "q-2", "rejected-by-elasticsearch", "mapping conflict", "x".repeat(DeadLetter.MAX_PAYLOAD_CHARS + 10)));
        deadLetter(DeadLetter.of("indexer", quotes, 0, 9L, "q-3", "invalid-record", "not a quote", "{}"));
        deadLetter(DeadLetter.of("producer", "http://feeds.example/rss", null, null, null, "feed-not-xml", "html", "<html/>"));
        deadLetter(DeadLetter.of("indexer", "it-gone-" + quotes, 0, 1L, "q-5", "rejected-by-elasticsearch", "mapping conflict", "{}"));

        try (DeadLetterReplay replay = replay()) {
            List<String> lines = new ArrayList<>();
            DeadLetterReplay.Outcome dry = replay.replay(REJECTED, true, lines::add);
            assertThat(dry.replayed()).isEqualTo(1);
            assertThat(dry.skipped()).containsOnly(entry("payload truncated", 1), entry("source is not a topic", 1));
            assertThat(dry.unmatched()).isEqualTo(2);
            assertThat(lines).singleElement().asString().startsWith("would replay").contains("key=q-1");
            assertThat(records(quotes)).as("a dry run sends nothing").isEmpty();

            assertThat(replay.replay(REJECTED, false, line -> {}).replayed()).isEqualTo(1);
            await().untilAsserted(() -> assertThat(records(quotes)).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("q-1");
                assertThat(r.value()).isEqualTo("{\"id\":\"q-1\"}");
            }));

            assertThat(replay.replay(REJECTED, false, line -> {}).replayed()).as("nothing twice").isZero();

            deadLetter(DeadLetter.of("indexer", quotes, 0, 10L, "q-6", "rejected-by-elasticsearch", "mapping conflict", "{\"id\":\"q-6\"}"));
            assertThat(replay.replay(REJECTED, false, line -> {}).replayed()).as("only the new one").isEqualTo(1);
            await().untilAsserted(() -> assertThat(records(quotes)).extracting(ConsumerRecord::key).containsExactly("q-1", "q-6"));
        }
    }

    @Test
    void anotherReasonKeepsItsOwnPosition() {
        deadLetter(DeadLetter.of("indexer", quotes, 0, 7L, "q-1", "rejected-by-elasticsearch", "mapping conflict", "{\"id\":\"q-1\"}"));
        deadLetter(DeadLetter.of("indexer", quotes, 0, 9L, "q-3", "invalid-record", "not a quote", "{\"id\":\"q-3\"}"));

        try (DeadLetterReplay replay = replay()) {
            assertThat(replay.replay(REJECTED, false, line -> {}).replayed()).isEqualTo(1);
            DeadLetterReplay.Filter invalid = new DeadLetterReplay.Filter("indexer", "invalid-record");
            assertThat(replay.replay(invalid, false, line -> {}).replayed())
                    .as("replaying one reason did not use up the other's dead letters").isEqualTo(1);
        }
        await().untilAsserted(() -> assertThat(records(quotes)).extracting(ConsumerRecord::key).containsExactly("q-1", "q-3"));
    }

    @Test
    void anAlertReplayedToItsTopicIsRecordedAsDelivered() {
        String subscriberTopic = quotes;
        Alert alert = new Alert(SchemaVersion.CURRENT, "alert-1", "sub-1", "alice", Subscription.QUOTE, null, null,
                AT, null);
        deadLetter(DeadLetter.of("alerts", subscriberTopic, null, null, alert.id(), AlertDelivery.TOPIC_MISSING,
                "topic it-x does not exist", new String(Json.write(alert), StandardCharsets.UTF_8)));
        deadLetter(DeadLetter.of("alerts", subscriberTopic, null, null, "broken", AlertDelivery.TOPIC_MISSING,
                "topic it-x does not exist", "{\"quote\": 42}"));

        try (DeadLetterReplay replay = replay()) {
            DeadLetterReplay.Outcome outcome = replay.replay(new DeadLetterReplay.Filter("alerts", AlertDelivery.TOPIC_MISSING),
                    false, line -> {});
            assertThat(outcome.replayed()).isEqualTo(1);
            assertThat(outcome.skipped()).containsOnly(entry("payload is not an alert", 1));
        }
        await().untilAsserted(() -> assertThat(records(subscriberTopic)).extracting(ConsumerRecord::key).containsExactly("alert-1"));
        await().untilAsserted(() -> assertThat(records(deliveries)).singleElement().satisfies(r -> {
            AlertDelivery delivery = Json.read(r.value().getBytes(StandardCharsets.UTF_8), AlertDelivery.class);
            assertThat(r.key()).as("replaces the dead-lettered record of the same alert and channel").isEqualTo("alert-1/kafka");
            assertThat(delivery.status()).isEqualTo(AlertDelivery.DELIVERED);
            assertThat(delivery.channel()).isEqualTo(AlertDelivery.KAFKA);
            assertThat(delivery.subscriptionId()).isEqualTo("sub-1");
            assertThat(delivery.owner()).isEqualTo("alice");
            assertThat(delivery.at()).isEqualTo(AT);
        }));
    }

    @Test
    void otherReplaysRecordNoDelivery() {
        deadLetter(DeadLetter.of("indexer", quotes, 0, 7L, "q-1", "rejected-by-elasticsearch", "mapping conflict", "{\"id\":\"q-1\"}"));
        try (DeadLetterReplay replay = replay()) {
            assertThat(replay.replay(REJECTED, false, line -> {}).replayed()).isEqualTo(1);
        }
        await().untilAsserted(() -> assertThat(records(quotes)).hasSize(1));
        assertThat(records(deliveries)).isEmpty();
    }

    private DeadLetterReplay replay() {
        return new DeadLetterReplay(bootstrap, deadLetters, deliveries, Clock.fixed(AT, ZoneOffset.UTC));
    }

    private void deadLetter(DeadLetter letter) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(deadLetters, letter.key(), Json.write(letter))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Everything committed on the topic, in order. A transaction's markers reach the partition just after the commit
     * returns, so callers wait for what they expect to become visible.
     */
    private List<ConsumerRecord<String, String>> records(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
