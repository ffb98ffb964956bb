package io.stancewire.alerts;

import io.stancewire.model.AlertDelivery;

import java.time.Instant;

/**
 * How a subscription's webhook deliveries went, from the latest {@link AlertDelivery} of each of its alerts.
 *
 * @param failedAttempts HTTP attempts that failed, whether the alert got through later or was dead-lettered
 * @param lastError      the reason of the most recent failure (a dead letter's reason), null when none
 */
public record DeliveryStatus(String subscriptionId, int delivered, int failedAttempts, int deadLettered, int skipped,
                             String lastError, Instant lastErrorAt) {

    static DeliveryStatus none(String subscriptionId) {
        return new DeliveryStatus(subscriptionId, 0, 0, 0, 0, null, null);
    }

    DeliveryStatus plus(AlertDelivery d) {
        int failed = failedAttempts;
        int ok = delivered;
        int dead = deadLettered;
        int skip = skipped;
        String error = lastError;
        Instant errorAt = lastErrorAt;
        switch (d.status()) {
            case AlertDelivery.DELIVERED -> {
                ok++;
                failed += Math.max(0, d.attempts() - 1);
            }
            case AlertDelivery.DEAD_LETTERED -> {
                dead++;
                failed += d.attempts();
                if (errorAt == null || (d.at() != null && d.at().isAfter(errorAt))) {
                    error = d.reason();
                    errorAt = d.at();
                }
            }
            default -> skip++;
        }
        return new DeliveryStatus(subscriptionId, ok, failed, dead, skip, error, errorAt);
    }
}
