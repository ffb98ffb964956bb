package io.stancewire.streams.trends;

import io.stancewire.model.SchemaVersion;
import io.stancewire.model.StanceTrend;

import java.time.Instant;

/** The running sums of one window; the window's bounds come from the windowed key when it becomes a {@link StanceTrend}. */
public record TrendTally(String target, String dimension, String key, String name,
                         long favor, long against, long neutral,
                         double favorConfidence, double againstConfidence, double neutralConfidence,
                         Instant lastQuoteAt) {

    static TrendTally empty() {
        return new TrendTally(null, null, null, null, 0, 0, 0, 0, 0, 0, null);
    }

    TrendTally add(Observation o) {
        double confidence = Math.max(0, o.confidence());
        Instant last = lastQuoteAt == null || o.at().isAfter(lastQuoteAt) ? o.at() : lastQuoteAt;
        return switch (o.label()) {
            case Labels.FAVOR -> new TrendTally(o.target(), o.dimension(), o.key(), o.name(), favor + 1, against, neutral,
                    favorConfidence + confidence, againstConfidence, neutralConfidence, last);
            case Labels.AGAINST -> new TrendTally(o.target(), o.dimension(), o.key(), o.name(), favor, against + 1, neutral,
                    favorConfidence, againstConfidence + confidence, neutralConfidence, last);
            default -> new TrendTally(o.target(), o.dimension(), o.key(), o.name(), favor, against, neutral + 1,
                    favorConfidence, againstConfidence, neutralConfidence + confidence, last);
        };
    }

    StanceTrend toTrend(String window, Instant start, Instant end, Instant now) {
        long total = favor + against + neutral;
        double confidence = favorConfidence + againstConfidence + neutralConfidence;
        return new StanceTrend(SchemaVersion.CURRENT, StanceTrend.id(dimension, key, target, window, start), target,
                dimension, key, name, window, start, end, favor, against, neutral, total,
                (double) (favor - against) / Math.max(1, total),
                confidence > 0 ? (favorConfidence - againstConfidence) / confidence : 0,
                total > 0 ? confidence / total : 0,
                lastQuoteAt, now);
    }
}
