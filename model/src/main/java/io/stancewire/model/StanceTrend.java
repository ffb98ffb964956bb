package io.stancewire.model;

import java.time.Instant;

/**
 * Stance on a target of one speaker, organisation or outlet over one calendar window, one record per window on
 * {@link Topics#STANCE_TRENDS}. The record for a window is re-emitted with every quote that falls into it, so the
 * latest value per {@link #id()} is the current count (the topic is compacted; a search index overwrites by id).
 * Only quotes that take a side or are neutral on the target count; NONE (not about the target) does not.
 *
 * @param id            deterministic from dimension, key, target, window and start; also the Kafka key
 * @param dimension     {@link #SPEAKER}, {@link #ORGANIZATION} or {@link #OUTLET}
 * @param key           speaker id (or {@code name:} + normalised name when the speaker has none), else the
 *                      normalised organisation or outlet name
 * @param name          the name as last printed
 * @param window        {@link #DAY} (UTC day) or {@link #WEEK} (UTC week from Monday)
 * @param windowEnd     exclusive
 * @param score         (FAVOR - AGAINST) / max(1, FAVOR + AGAINST + NEUTRAL), in [-1, 1]
 * @param weightedScore the same with every quote weighted by its stance confidence
 * @param lastQuoteAt   event time (publication, capped at the fetch) of the newest quote counted
 * @param updatedAt     wall-clock time this value was computed
 */
public record StanceTrend(
        int schemaVersion,
        String id,
        String target,
        String dimension,
        String key,
        String name,
        String window,
        Instant windowStart,
        Instant windowEnd,
        long favor,
        long against,
        long neutral,
        long total,
        double score,
        double weightedScore,
        double meanConfidence,
        Instant lastQuoteAt,
        Instant updatedAt) {

    public static final String SPEAKER = "speaker";
    public static final String ORGANIZATION = "organization";
    public static final String OUTLET = "outlet";
    public static final String DAY = "day";
    public static final String WEEK = "week";

    public static String id(String dimension, String key, String target, String window, Instant windowStart) {
        return Ids.hash("trend\u0000" + dimension + "\u0000" + key + "\u0000" + target + "\u0000" + window + "\u0000" + windowStart);
    }
}
