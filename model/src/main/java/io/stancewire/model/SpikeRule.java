package io.stancewire.model;

/**
 * When a {@link Subscription#SPIKE} subscription fires: the matching quotes of one day (UTC, by publication time)
 * reach {@code factor} times their daily average over the {@code trailingDays} before it, and at least
 * {@code minCount}, so that two quotes on a quiet day are no spike. Null parts take the defaults.
 */
public record SpikeRule(Double factor, Integer trailingDays, Integer minCount) {
    public static final double DEFAULT_FACTOR = 3;
    public static final int DEFAULT_TRAILING_DAYS = 7;
    public static final int DEFAULT_MIN_COUNT = 5;
    /** The longest trailing window: how long the topology keeps daily counts. */
    public static final int MAX_TRAILING_DAYS = 28;

    public static final SpikeRule DEFAULTS = new SpikeRule(DEFAULT_FACTOR, DEFAULT_TRAILING_DAYS, DEFAULT_MIN_COUNT);

    public SpikeRule {
        factor = factor == null ? DEFAULT_FACTOR : factor;
        trailingDays = trailingDays == null ? DEFAULT_TRAILING_DAYS : trailingDays;
        minCount = minCount == null ? DEFAULT_MIN_COUNT : minCount;
    }
}
