package io.stancewire.model;

import java.time.Instant;

/**
 * What became of one alert's webhook delivery, on the compacted {@link Topics#ALERT_DELIVERIES} keyed by alert id,
 * so that {@code alerts list} can show failures next to the subscription.
 *
 * @param status   {@link #DELIVERED} or {@link #DEAD_LETTERED}
 * @param attempts HTTP attempts made
 * @param reason   why it was given up (last status or error), null when delivered
 */
public record AlertDelivery(
        int schemaVersion,
        String alertId,
        String subscriptionId,
        String owner,
        String status,
        int attempts,
        String reason,
        Instant at) {

    public static final String DELIVERED = "delivered";
    public static final String DEAD_LETTERED = "dead-lettered";
}
