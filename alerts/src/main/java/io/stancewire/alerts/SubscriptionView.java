package io.stancewire.alerts;

import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.Subscription;
import io.stancewire.model.TopicReader;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current subscriptions, read from the compacted topic (the source of truth) by a consumer without a group that
 * reads every partition from the start. {@link #catchUp()} reads up to the end offsets of the moment, so a caller
 * that has just written a subscription, or that handles an alert produced after its subscription, sees it.
 * Not thread-safe: one owner thread (the API serialises its calls).
 */
public final class SubscriptionView implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionView.class);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);

    private final TopicReader reader;
    private final Map<String, Subscription> live = new ConcurrentHashMap<>();

    public SubscriptionView(String bootstrapServers) {
        reader = new TopicReader(bootstrapServers, Topics.SUBSCRIPTIONS);
    }

    /** @throws IllegalStateException when the topic cannot be read to its end in 30 s */
    public void catchUp() {
        reader.catchUp(CATCH_UP_TIMEOUT, this::apply);
    }

    public Optional<Subscription> get(String id) {
        return Optional.ofNullable(live.get(id));
    }

    public List<Subscription> all() {
        return List.copyOf(live.values());
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            live.remove(record.key());
            return;
        }
        try {
            Subscription s = Json.read(record.value(), Subscription.class);
            if (s.deleted()) {
                live.remove(record.key());
            } else {
                live.put(record.key(), s);
            }
        } catch (InvalidRecordException e) {
            log.warn("subscription {} at offset {} ignored: {}", record.key(), record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
