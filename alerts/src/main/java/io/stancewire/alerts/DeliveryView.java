package io.stancewire.alerts;

import io.stancewire.model.AlertDelivery;
import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.TopicReader;
import io.stancewire.model.Topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The latest delivery outcome of every alert, read from the compacted {@link Topics#ALERT_DELIVERIES} like
 * {@link SubscriptionView} reads subscriptions: every partition from the start, then up to the end offsets of each
 * call. Not thread-safe: the API serialises its calls.
 */
final class DeliveryView implements AutoCloseable {
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);

    private final TopicReader reader;
    private final Map<String, AlertDelivery> latest = new HashMap<>();

    DeliveryView(String bootstrapServers) {
        reader = new TopicReader(bootstrapServers, Topics.ALERT_DELIVERIES);
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
        reader.catchUp(CATCH_UP_TIMEOUT, record -> {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                latest.remove(record.key());
                return;
            }
            try {
                latest.put(record.key(), Json.read(record.value(), AlertDelivery.class));
            } catch (InvalidRecordException e) {
                // not written by the notifier; the list shows the rest
            }
        });
    }

    @Override
    public void close() {
        reader.close();
    }
}
