package io.stancewire.model;

import java.time.Instant;

/**
 * A subscription matched a quote or a stance shift: one record per (subscription, event) on {@link Topics#ALERTS},
 * keyed by {@link #id()}. Exactly one of {@code quote} and {@code shift} is set.
 *
 * @param spike the counts that fired a {@link Subscription#SPIKE} alert (whose {@code quote} is the one that tipped
 *              the day); null for other kinds, and in alerts written before it existed
 *
 * @param id deterministic ({@link #id(String, String)}): the idempotency key a webhook receiver dedupes on
 */
public record Alert(
        int schemaVersion,
        String id,
        String subscriptionId,
        String owner,
        String kind,
        Quote quote,
        StanceShift shift,
        Instant matchedAt,
        VolumeSpike spike) {

    /** An alert on a quote or a shift, which carries no spike counts. */
    public Alert(int schemaVersion, String id, String subscriptionId, String owner, String kind, Quote quote,
                 StanceShift shift, Instant matchedAt) {
        this(schemaVersion, id, subscriptionId, owner, kind, quote, shift, matchedAt, null);
    }

    /** @param eventId the quote id or the shift id that fired the subscription */
    public static String id(String subscriptionId, String eventId) {
        return Ids.hash("alert\u0000" + subscriptionId + "\u0000" + eventId);
    }
}
