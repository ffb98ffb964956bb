package io.stancewire.launcher;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys written to a topic between two moments: {@code run --once} marks the raw-article topic before polling
 * and afterwards reads what the poll added, so it knows exactly which articles it must see indexed.
 */
final class TopicWindow {
    private final String bootstrapServers;
    private final String topic;
    private final Map<TopicPartition, Long> start;

    private TopicWindow(String bootstrapServers, String topic, Map<TopicPartition, Long> start) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.start = start;
    }

    static TopicWindow markEnd(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            return new TopicWindow(bootstrapServers, topic, consumer.endOffsets(partitions(consumer, topic)));
        }
    }

    /** Keys of the committed records written since {@link #markEnd}. */
    Set<String> keysSinceMark() {
        Set<String> keys = new LinkedHashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, start.getOrDefault(p, 0L)));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(r.key());
                }
            }
        }
        return keys;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
