package io.stancewire.alerts;

import java.time.Duration;

/**
 * @param maxAttempts     POSTs per alert before it is dead-lettered
 * @param initialBackoff  wait after the first failure; doubles per failure up to {@code maxBackoff}
 * @param requestTimeout  per POST, connect included
 * @param allowPrivateAddresses webhooks on loopback or private networks (tests, a local run); never in production
 */
public record NotifierSettings(String bootstrapServers, String groupId, int maxAttempts, Duration initialBackoff,
                               Duration maxBackoff, Duration requestTimeout, boolean allowPrivateAddresses) {

    public static final String DEFAULT_GROUP = "stancewire-alerts-notifier";

    public NotifierSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    public static NotifierSettings defaults(String bootstrapServers) {
        return new NotifierSettings(bootstrapServers, DEFAULT_GROUP, 5, Duration.ofMillis(500), Duration.ofSeconds(8),
                Duration.ofSeconds(10), false);
    }

    public NotifierSettings withGroupId(String groupId) {
        return new NotifierSettings(bootstrapServers, groupId, maxAttempts, initialBackoff, maxBackoff, requestTimeout, allowPrivateAddresses);
    }

    public NotifierSettings withBackoff(Duration initial, Duration max) {
        return new NotifierSettings(bootstrapServers, groupId, maxAttempts, initial, max, requestTimeout, allowPrivateAddresses);
    }

    public NotifierSettings withMaxAttempts(int attempts) {
        return new NotifierSettings(bootstrapServers, groupId, attempts, initialBackoff, maxBackoff, requestTimeout, allowPrivateAddresses);
    }

    public NotifierSettings withAllowPrivateAddresses(boolean allow) {
        return new NotifierSettings(bootstrapServers, groupId, maxAttempts, initialBackoff, maxBackoff, requestTimeout, allow);
    }

    /**
     * Worst case time to handle one alert: every attempt times out and every backoff is waited. The consumer's poll
     * interval must exceed a whole batch of these, or the group would evict a notifier that is merely retrying.
     */
    Duration worstCasePerAlert() {
        Duration total = requestTimeout.multipliedBy(maxAttempts);
        Duration backoff = initialBackoff;
        for (int i = 1; i < maxAttempts; i++) {
            total = total.plus(backoff);
            backoff = min(backoff.multipliedBy(2), maxBackoff);
        }
        return total;
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
