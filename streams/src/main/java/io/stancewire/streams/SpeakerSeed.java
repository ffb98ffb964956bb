package io.stancewire.streams;

import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.SpeakerEntry;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * Writes the curated speaker file into {@link Topics#SPEAKERS} at start, only the entries that are missing or differ
 * from the topic's latest version: a second start writes nothing. Entries removed from the file stay in the topic
 * (articles already carry their ids).
 */
final class SpeakerSeed {
    private static final Logger log = LoggerFactory.getLogger(SpeakerSeed.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private SpeakerSeed() {}

    /** @return how many entries were written */
    static int seed(String bootstrapServers, List<SpeakerEntry> curated) {
        Map<String, SpeakerEntry> current = readCurrent(bootstrapServers);
        List<SpeakerEntry> changed = curated.stream().filter(e -> !Objects.equals(current.get(e.id()), e)).toList();
        if (changed.isEmpty()) {
            return 0;
        }
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (SpeakerEntry e : changed) {
                producer.send(new ProducerRecord<>(Topics.SPEAKERS, e.id(), Json.write(e))).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot seed " + Topics.SPEAKERS + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding " + Topics.SPEAKERS, e);
        }
        log.info("seeded {} curated speaker(s) into {}", changed.size(), Topics.SPEAKERS);
        return changed.size();
    }

    /** The latest committed value per key, read from the beginning to the end offsets of the moment. */
    static Map<String, SpeakerEntry> readCurrent(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, SpeakerEntry> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.SPEAKERS, READ_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + Topics.SPEAKERS + " does not exist: create the topics first");
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.SPEAKERS + " to its end within " + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) {
                        latest.remove(r.key());
                        continue;
                    }
                    try {
                        latest.put(r.key(), Json.read(r.value(), SpeakerEntry.class));
                    } catch (InvalidRecordException e) {
                        latest.remove(r.key()); // unreadable: the curated version replaces it
                    }
                }
            }
        }
        return latest;
    }
}
