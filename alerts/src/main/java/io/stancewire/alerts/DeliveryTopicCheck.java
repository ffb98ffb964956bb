package io.stancewire.alerts;

import io.stancewire.model.AlertDelivery;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.Json;
import io.stancewire.model.SchemaVersion;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks, before an alert is routed to its subscription's Kafka topic, that the topic is there. Kafka Streams would
 * otherwise wait for a missing sink topic and stall every task behind it; a missing topic instead makes the alert a
 * failed delivery ({@link AlertDelivery#KAFKA} channel, shown by {@code alerts list}) and a dead letter holding the
 * alert, in the same transaction, and the other subscriptions' alerts go on.
 *
 * <p>One {@link TopicExistence} serves every task of the topology: made on first use from the app's configuration,
 * closed when the last task's processor closes.
 */
final class DeliveryTopicCheck implements ProcessorSupplier<String, Matched, String, DeliveryTopicCheck.Routed> {
    static final String MISSING_REASON = AlertDelivery.TOPIC_MISSING;

    /** The alert to deliver, or with {@code missing} set, why it cannot be. */
    record Routed(Matched matched, String missing) {
        AlertDelivery failure(Clock clock) {
            return new AlertDelivery(SchemaVersion.CURRENT, matched.alert().id(), matched.alert().subscriptionId(),
                    matched.alert().owner(), AlertDelivery.DEAD_LETTERED, 0, missing, clock.instant(), AlertDelivery.KAFKA);
        }

        DeadLetter deadLetter() {
            return DeadLetter.of("alerts", matched.kafkaTopic(), null, null, matched.alert().id(), MISSING_REASON, missing,
                    new String(Json.write(matched.alert()), StandardCharsets.UTF_8));
        }
    }

    private final Function<Map<String, Object>, TopicExistence> factory;
    private TopicExistence shared;
    private int users;

    DeliveryTopicCheck(Function<Map<String, Object>, TopicExistence> factory) {
        this.factory = factory;
    }

    private synchronized TopicExistence acquire(Map<String, Object> appConfigs) {
        if (shared == null) {
            shared = factory.apply(appConfigs);
        }
        users++;
        return shared;
    }

    private synchronized void release() {
        if (--users == 0) {
            if (shared instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close the delivery topic check", e);
                }
            }
            shared = null;
        }
    }

    @Override
    public Processor<String, Matched, String, Routed> get() {
        return new Processor<>() {
            private ProcessorContext<String, Routed> context;
            private TopicExistence topics;

            @Override
            public void init(ProcessorContext<String, Routed> context) {
                this.context = context;
            }

            @Override
            public void process(Record<String, Matched> record) {
                if (topics == null) {
                    topics = acquire(context.appConfigs()); // lazily: most tasks never deliver to a topic
                }
                String topic = record.value().kafkaTopic();
                String missing = topics.exists(topic) ? null : "kafka topic " + topic
                        + " does not exist (deleted while the subscription lives); recreate it to resume delivery";
                context.forward(record.withValue(new Routed(record.value(), missing)));
            }

            @Override
            public void close() {
                if (topics != null) {
                    topics = null;
                    release();
                }
            }
        };
    }
}
