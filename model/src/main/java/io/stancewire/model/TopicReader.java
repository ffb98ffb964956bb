package io.stancewire.model;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a topic's committed records from the beginning up to its end offsets of the moment, and on each later
 * {@link #catchUp} from there to the new end: how a compacted topic is turned into its latest value per key. No
 * consumer group, so it commits nothing and leaves no trace. One thread at a time.
 */
public final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final String bootstrapServers;
    private List<TopicPartition> partitions;

    public TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads the whole topic once; {@code apply} sees every record, tombstones included. */
    public static void readAll(String bootstrapServers, String topic, Duration timeout,
                               Consumer<ConsumerRecord<String, byte[]>> apply) {
        try (TopicReader reader = new TopicReader(bootstrapServers, topic)) {
            reader.catchUp(timeout, apply);
        }
    }

    /**
     * Hands {@code apply} every record not read yet, up to the end offsets as they are now.
     *
     * @throws IllegalStateException when the topic does not exist or cannot be read to its end within {@code timeout}
     */
    public void catchUp(Duration timeout, Consumer<ConsumerRecord<String, byte[]>> apply) {
        if (partitions == null) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist on " + bootstrapServers);
            }
            partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                apply.accept(r);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
