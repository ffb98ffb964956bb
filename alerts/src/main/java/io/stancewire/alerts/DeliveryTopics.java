package io.stancewire.alerts;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.internals.Topic;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Kafka topics a subscription may name as its delivery. A subscriber may not write into the pipeline's own
 * topics ({@code stancewire.*}), Kafka's internal ones ({@code _*}) or the streams application's internal
 * changelog and repartition topics ({@code stancewire-*}), and the name must be one Kafka accepts.
 *
 * <p>The topic is created when the subscription is: the topology writes to it by dynamic routing, and Kafka
 * Streams does not create such topics, it would block on a missing one.
 */
final class DeliveryTopics {
    private static final List<String> RESERVED_PREFIXES = List.of("stancewire.", "stancewire-", "_");

    private DeliveryTopics() {}

    /** @throws InvalidSubscriptionException with Kafka's reason, or the reserved prefix */
    static void validate(String topic) {
        try {
            Topic.validate(topic);
        } catch (InvalidTopicException e) {
            throw new InvalidSubscriptionException("kafkaTopic: " + e.getMessage());
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (topic.startsWith(prefix)) {
                throw new InvalidSubscriptionException("kafkaTopic: names starting with " + prefix + " are reserved, not " + topic);
            }
        }
    }

    /** Creates the topic unless it exists (with the broker's default partitions and replication). */
    static void ensure(Admin admin, String topic) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create delivery topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating delivery topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create delivery topic " + topic + " in 30 s", e);
        }
    }
}
