package io.stancewire.streams.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A speaker's stance on one target over their newest quotes, with the side they are on.
 *
 * <p>The score is a confidence- and recency-weighted mean of +1 (FAVOR), -1 (AGAINST) and 0 (NEUTRAL) over the
 * newest quotes by publication time, so a late-arriving old quote takes its place in the order rather than counting
 * as the speaker's latest word. The side changes only when the score passes the dead band on the other side
 * (hysteresis); until a side is first reached the speaker has none, and reaching the first side is not a shift.
 *
 * @param recent newest last, at most {@link TrendSettings#recentQuotes()}
 * @param side   FAVOR, AGAINST or null (never clearly on a side yet)
 */
public record RollingStance(List<Recent> recent, String side, double score) {

    /** The part of a quote the rolling stance keeps. */
    public record Recent(String quoteId, Instant at, String label, double confidence) {}

    private static final Comparator<Recent> OLDEST_FIRST =
            Comparator.comparing(Recent::at, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Recent::quoteId);

    public RollingStance {
        recent = recent == null ? List.of() : List.copyOf(recent);
    }

    static RollingStance empty() {
        return new RollingStance(List.of(), null, 0);
    }

    /** The state after {@code quote}; this same state when the quote was seen before or is older than all kept ones. */
    RollingStance with(Recent quote, TrendSettings settings) {
        if (recent.stream().anyMatch(r -> r.quoteId().equals(quote.quoteId()))) {
            return this;
        }
        List<Recent> next = new ArrayList<>(recent);
        next.add(quote);
        next.sort(OLDEST_FIRST);
        if (next.size() > settings.recentQuotes()) {
            next = next.subList(next.size() - settings.recentQuotes(), next.size());
        }
        if (!next.contains(quote)) {
            return this;
        }
        double score = score(next, settings.decay());
        String side = score >= settings.deadBand() ? Labels.FAVOR
                : score <= -settings.deadBand() ? Labels.AGAINST
                : this.side;
        return new RollingStance(next, side, score);
    }

    private static double score(List<Recent> oldestFirst, double decay) {
        double weighted = 0;
        double weights = 0;
        double weight = 1;
        for (int i = oldestFirst.size() - 1; i >= 0; i--, weight *= decay) {
            Recent r = oldestFirst.get(i);
            double w = weight * Math.max(0, r.confidence());
            weighted += w * Labels.sign(r.label());
            weights += w;
        }
        return weights > 0 ? weighted / weights : 0;
    }
}
