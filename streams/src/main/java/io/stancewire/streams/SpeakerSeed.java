package io.stancewire.streams;

import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.SpeakerEntry;
import io.stancewire.model.TopicReader;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
        Map<String, SpeakerEntry> latest = new HashMap<>();
        TopicReader.readAll(bootstrapServers, Topics.SPEAKERS, READ_TIMEOUT, r -> {
            if (r.value() == null) {
                latest.remove(r.key());
                return;
            }
            try {
                latest.put(r.key(), Json.read(r.value(), SpeakerEntry.class));
            } catch (InvalidRecordException e) {
                latest.remove(r.key()); // unreadable: the curated version replaces it
            }
        });
        return latest;
    }
}
