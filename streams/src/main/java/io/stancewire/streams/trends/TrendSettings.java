package io.stancewire.streams.trends;

import java.time.Duration;

/**
 * Tuning of the trend and shift sub-topologies.
 *
 * @param dayGrace     how late (event time) a quote may arrive and still count in its day: articles reach feeds
 *                     and the fetcher hours or days after publication
 * @param weekGrace    the same for weeks
 * @param recentQuotes how many of a speaker's newest quotes on a target make the rolling stance
 * @param decay        weight factor per step back in a speaker's recent quotes (1 = all equal)
 * @param deadBand     the rolling score must pass this on the other side before a shift counts, so that a single
 *                     neutral or hedged quote does not flip-flop the speaker
 */
public record TrendSettings(Duration dayGrace, Duration weekGrace, int recentQuotes, double decay, double deadBand) {

    public TrendSettings {
        if (dayGrace.isNegative() || weekGrace.isNegative()) {
            throw new IllegalArgumentException("grace periods must not be negative");
        }
        if (recentQuotes < 1) {
            throw new IllegalArgumentException("recentQuotes must be at least 1, was " + recentQuotes);
        }
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay must be in (0, 1], was " + decay);
        }
        if (!(deadBand >= 0 && deadBand < 1)) {
            throw new IllegalArgumentException("deadBand must be in [0, 1), was " + deadBand);
        }
    }

    public static TrendSettings defaults() {
        return new TrendSettings(Duration.ofDays(2), Duration.ofDays(2), 5, 0.7, 0.2);
    }

    /** How long a quote id is remembered to count it once: past this, every window it could fall into has closed. */
    Duration dedupRetention() {
        return MondayWeeks.SIZE.plus(weekGrace.compareTo(dayGrace) >= 0 ? weekGrace : dayGrace).plusDays(1);
    }
}
