package io.stancewire.launcher;

import io.stancewire.model.Alert;
import io.stancewire.model.AlertDelivery;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Sends dead letters back to the topic they came from, after their cause is fixed: a mapping that rejected quotes, a
 * subscriber topic that was missing, an NLP budget that was too short. Each run reads the dead letters written up to
 * its start, and the records it sends commit together with its position (one Kafka transaction per batch), so a
 * dead letter is replayed once per filter however often the command runs or crashes. Replays go through the
 * pipeline again, whose writes are idempotent (deterministic ids), except what reaches subscribers: a replayed alert
 * is delivered again. An alert replayed to its subscriber's Kafka topic also gets a new delivery record (delivered,
 * channel kafka) in the same transaction, replacing the one that said it was dead-lettered.
 * <p>
 * Not replayable, so counted and left: dead letters whose source is not a topic (a feed URL, a file line), whose
 * payload was cut to fit the dead-letter topic, or that have no payload.
 */
final class DeadLetterReplay implements AutoCloseable {
    /** Which dead letters to replay; {@code reason} null means all of the stage's. */
    record Filter(String stage, String reason) {
        Filter {
            if (stage == null || stage.isBlank()) {
                throw new IllegalArgumentException("a stage is needed (producer, streams, indexer, alerts)");
            }
        }

        boolean matches(DeadLetter letter) {
            return stage.equals(letter.stage()) && (reason == null || reason.equals(letter.reason()));
        }

        /** One consumer group per filter: replaying one reason must not mark another's letters as done. */
        String name() {
            return ("stancewire-replay-" + stage + (reason == null ? "" : "-" + reason)).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9._-]", "_");
        }
    }

    /**
     * @param replayed dead letters sent back (or, in a dry run, that would be)
     * @param skipped  matching dead letters that cannot be replayed, by why
     * @param unmatched dead letters of other stages or reasons
     */
    record Outcome(int replayed, Map<String, Integer> skipped, int unmatched) {}

    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final String deadLetterTopic;
    private final String deliveriesTopic;
    private final Clock clock;
    private final Admin admin;
    private final Map<String, Boolean> topicExists = new HashMap<>();

    DeadLetterReplay(String bootstrapServers) {
        this(bootstrapServers, Topics.DEAD_LETTER, Topics.ALERT_DELIVERIES, Clock.systemUTC());
    }

    DeadLetterReplay(String bootstrapServers, String deadLetterTopic, String deliveriesTopic, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.deadLetterTopic = deadLetterTopic;
        this.deliveriesTopic = deliveriesTopic;
        this.clock = clock;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * @param dryRun   only count and report; nothing is sent and nothing marked as replayed
     * @param progress one line per replayed (or, dry, replayable) dead letter
     */
    Outcome replay(Filter filter, boolean dryRun, Consumer<String> progress) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(filter.name());
             KafkaProducer<String, byte[]> producer = dryRun ? null : producer(filter.name())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition p : partitions) {
                OffsetAndMetadata done = committed.get(p);
                if (done == null) {
                    consumer.seekToBeginning(List.of(p));
                } else {
                    consumer.seek(p, done.offset());
                }
            }
            if (producer != null) {
                producer.initTransactions();
            }
            Tally tally = new Tally();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                if (producer != null) {
                    producer.beginTransaction();
                }
                Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition p = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(p)) {
                        // written after the run started (perhaps by this run's replays): the next run's
                        continue;
                    }
                    positions.put(p, new OffsetAndMetadata(record.offset() + 1));
                    replayOne(read(record), filter, producer, tally, progress);
                }
                if (producer != null) {
                    if (!positions.isEmpty()) {
                        producer.sendOffsetsToTransaction(positions, consumer.groupMetadata());
                    }
                    producer.commitTransaction();
                }
            }
            return new Outcome(tally.replayed, tally.skipped, tally.unmatched);
        }
    }

    private static final class Tally {
        int replayed;
        int unmatched;
        final Map<String, Integer> skipped = new TreeMap<>();
    }

    /** @param producer null in a dry run */
    private void replayOne(DeadLetter letter, Filter filter, KafkaProducer<String, byte[]> producer, Tally tally,
                           Consumer<String> progress) {
        if (letter == null || !filter.matches(letter)) {
            tally.unmatched++;
            return;
        }
        String notReplayable = whyNotReplayable(letter);
        Alert undelivered = null;
        if (notReplayable == null && isUndeliveredAlert(letter)) {
            undelivered = alert(letter);
            notReplayable = undelivered == null ? "payload is not an alert" : null;
        }
        if (notReplayable != null) {
            tally.skipped.merge(notReplayable, 1, Integer::sum);
            return;
        }
        if (producer != null) {
            producer.send(new ProducerRecord<>(letter.source(), letter.key(), letter.payload().getBytes(StandardCharsets.UTF_8)));
            if (undelivered != null) {
                AlertDelivery delivered = delivered(undelivered);
                producer.send(new ProducerRecord<>(deliveriesTopic, delivered.key(), Json.write(delivered)));
            }
        }
        tally.replayed++;
        progress.accept(String.format(Locale.ROOT, "%s %s -> %s key=%s (%s, %s)", producer == null ? "would replay" : "replayed",
                letter.reason(), letter.source(), letter.key(), letter.at(), firstLine(letter.error())));
    }

    private static DeadLetter read(ConsumerRecord<String, byte[]> record) {
        try {
            return record.value() == null ? null : Json.read(record.value(), DeadLetter.class);
        } catch (InvalidRecordException e) {
            return null;
        }
    }

    private String whyNotReplayable(DeadLetter letter) {
        if (letter.payload() == null) {
            return "no payload";
        }
        if (letter.payloadTruncated()) {
            return "payload truncated";
        }
        if (letter.source() == null || !isTopic(letter.source())) {
            return "source is not a topic";
        }
        return null;
    }

    private static boolean isUndeliveredAlert(DeadLetter letter) {
        return "alerts".equals(letter.stage()) && AlertDelivery.TOPIC_MISSING.equals(letter.reason());
    }

    /** The alert a topic-missing dead letter holds, or null if its payload is not one. */
    private static Alert alert(DeadLetter letter) {
        try {
            Alert alert = Json.read(letter.payload().getBytes(StandardCharsets.UTF_8), Alert.class);
            return alert.id() == null ? null : alert;
        } catch (InvalidRecordException e) {
            return null;
        }
    }

    private AlertDelivery delivered(Alert alert) {
        return new AlertDelivery(SchemaVersion.CURRENT, alert.id(), alert.subscriptionId(), alert.owner(),
                AlertDelivery.DELIVERED, 1, null, clock.instant(), AlertDelivery.KAFKA);
    }

    private boolean isTopic(String name) {
        return topicExists.computeIfAbsent(name, n -> {
            try {
                return admin.listTopics().names().get().contains(n);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
    }

    private static String firstLine(String error) {
        if (error == null) {
            return "";
        }
        String line = error.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(c);
    }

    private KafkaProducer<String, byte[]> producer(String transactionalId) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    @Override
    public void close() {
        admin.close();
    }
}
