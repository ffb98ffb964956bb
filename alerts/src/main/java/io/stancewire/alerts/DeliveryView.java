package io.stancewire.alerts;

import io.stancewire.model.AlertDelivery;
import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest delivery outcome of every alert, read from the compacted {@link Topics#ALERT_DELIVERIES} like
 * {@link SubscriptionView} reads subscriptions: every partition from the start, then up to the end offsets of each
 * call. Not thread-safe: the API serialises its calls.
 */
final class DeliveryView implements AutoCloseable {
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, AlertDelivery> latest = new HashMap<>();
    private List<TopicPartition> partitions;

    DeliveryView(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Per subscription of {@code owner}: its alerts' outcomes added up. */
    Map<String, DeliveryStatus> statusByOwner(String owner) {
        catchUp();
        Map<String, DeliveryStatus> out = new HashMap<>();
        for (AlertDelivery d : latest.values()) {
            if (owner.equals(d.owner()) && d.subscriptionId() != null) {
                out.compute(d.subscriptionId(), (id, status) -> (status == null ? DeliveryStatus.none(id) : status).plus(d));
            }
        }
        return out;
    }

    private void catchUp() {
        if (partitions == null) {
            partitions = consumer.partitionsFor(Topics.ALERT_DELIVERIES, CATCH_UP_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CATCH_UP_TIMEOUT);
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot read " + Topics.ALERT_DELIVERIES + " to its end in " + CATCH_UP_TIMEOUT);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key() == null) {
                    continue;
                }
                if (record.value() == null) {
                    latest.remove(record.key());
                    continue;
                }
                try {
                    latest.put(record.key(), Json.read(record.value(), AlertDelivery.class));
                } catch (InvalidRecordException e) {
                    // not written by the notifier; the list shows the rest
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
