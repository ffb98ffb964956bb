package io.stancewire.alerts;

import io.stancewire.model.Alert;
import io.stancewire.model.Subscription;

/**
 * An alert and the Kafka topic its subscription delivers to (null for none), taken from the subscription at the
 * moment it matched: the routing step must not look the subscription up again, it may have changed in between.
 */
record Matched(Alert alert, String kafkaTopic) {
    static Matched of(Alert alert, Subscription subscription) {
        String topic = subscription.kafkaTopic();
        return new Matched(alert, topic == null || topic.isBlank() ? null : topic);
    }
}
