package io.stancewire.alerts;

import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.Subscription;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global subscription store and the matcher in step with the compacted subscriptions topic. It also runs
 * on restore (Kafka Streams 3.8+ replays a global store's topic through its processor), and the store is in memory
 * so that every start replays the whole topic and the matcher sees every subscription.
 */
final class LoadSubscriptions implements Processor<String, byte[], Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(LoadSubscriptions.class);
    private final String storeName;
    private final SubscriptionMatcher matcher;
    private KeyValueStore<String, byte[]> store;

    LoadSubscriptions(String storeName, SubscriptionMatcher matcher) {
        this.storeName = storeName;
        this.matcher = matcher;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String id = record.key();
        if (id == null) {
            log.warn("subscription record without a key ignored");
            return;
        }
        if (record.value() == null) {
            store.delete(id);
            matcher.remove(id);
            return;
        }
        try {
            Subscription subscription = Json.read(record.value(), Subscription.class);
            if (!id.equals(subscription.id())) {
                throw new InvalidSubscriptionException("record key " + id + " is not the subscription id " + subscription.id());
            }
            matcher.put(subscription);
            if (subscription.deleted()) {
                store.delete(id);
            } else {
                store.put(id, record.value());
            }
        } catch (InvalidRecordException | InvalidSubscriptionException e) {
            // the API validates before writing, so this is a hand-written record: keep the previous version, if any
            log.warn("subscription {} ignored: {}", id, e.getMessage());
        }
    }
}
