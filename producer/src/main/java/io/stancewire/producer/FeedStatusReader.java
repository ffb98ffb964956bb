package io.stancewire.producer;

import io.stancewire.model.Json;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads {@code Topics.PRODUCER_FEEDS} to its end and keeps the latest status per feed URL: what
 * {@code stancewire feeds status} shows. No consumer group: it commits nothing and leaves no trace.
 */
public final class FeedStatusReader {
    private FeedStatusReader() {}

    /** The latest status of every feed a producer has reported, sorted by feed name then URL. */
    public static List<FeedStatus> latest(String bootstrapServers, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, FeedStatus> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.PRODUCER_FEEDS, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + Topics.PRODUCER_FEEDS + " does not exist on " + bootstrapServers
                        + ": no producer has run against this cluster yet");
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.PRODUCER_FEEDS + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null) {
                        continue;
                    }
                    if (r.value() == null) {
                        latest.remove(r.key()); // a tombstone: the feed was forgotten
                    } else {
                        readStatus(r.value()).ifPresent(s -> latest.put(r.key(), s));
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        List<FeedStatus> out = new ArrayList<>(latest.values());
        out.sort(Comparator.comparing((FeedStatus s) -> String.valueOf(s.name())).thenComparing(FeedStatus::url));
        return out;
    }

    private static java.util.Optional<FeedStatus> readStatus(byte[] value) {
        try {
            return java.util.Optional.of(Json.read(value, FeedStatus.class));
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // written by a newer or broken producer: not ours to show
        }
    }
}
