package io.stancewire.model;

import java.time.Instant;

/**
 * What became of one alert's delivery on one channel, on the compacted {@link Topics#ALERT_DELIVERIES} keyed by
 * {@link #key()}, so that {@code alerts list} can show failures next to the subscription. The webhook notifier
 * records every webhook outcome; the topology records a Kafka-topic delivery only when it could not be made (the
 * subscriber's topic was deleted), since the others are the alert on the subscriber's topic itself.
 *
 * @param status   {@link #DELIVERED} or {@link #DEAD_LETTERED}
 * @param attempts attempts made (HTTP requests, or 0 for a topic found missing)
 * @param reason   why it was given up (last status or error), null when delivered
 * @param channel  {@link #WEBHOOK} or {@link #KAFKA}; null in records written before it existed, which are webhook's
 */
public record AlertDelivery(
        int schemaVersion,
        String alertId,
        String subscriptionId,
        String owner,
        String status,
        int attempts,
        String reason,
        Instant at,
        String channel) {

    public static final String DELIVERED = "delivered";
    public static final String DEAD_LETTERED = "dead-lettered";
    public static final String WEBHOOK = "webhook";
    public static final String KAFKA = "kafka";
    /**
     * The dead-letter reason of an alert whose subscriber topic was missing; the dead letter holds the alert, so that
     * it can be replayed to the topic once it is back.
     */
    public static final String TOPIC_MISSING = "delivery-topic-missing";

    /** A webhook outcome, as the notifier records it. */
    public AlertDelivery(int schemaVersion, String alertId, String subscriptionId, String owner, String status,
                         int attempts, String reason, Instant at) {
        this(schemaVersion, alertId, subscriptionId, owner, status, attempts, reason, at, null);
    }

    /**
     * The record key: the alert id for the webhook (as before channels existed), the alert id and the channel for
     * any other, so one alert's outcomes on two channels do not replace each other.
     */
    public String key() {
        return channel == null || channel.equals(WEBHOOK) ? alertId : alertId + "/" + channel;
    }
}
