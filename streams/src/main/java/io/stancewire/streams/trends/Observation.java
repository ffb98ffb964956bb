package io.stancewire.streams.trends;

import io.stancewire.model.Quote;
import io.stancewire.model.Stance;
import io.stancewire.model.StanceTrend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One counted stance seen from one dimension: the unit the trend windows add up. */
public record Observation(String target, String dimension, String key, String name, String label, double confidence,
                          Instant at) {

    /** Grouping key: dimension, target and key, unambiguous because the unit separator does not occur in names. */
    String groupKey() {
        return dimension + '\u001f' + target + '\u001f' + key;
    }

    /** Every (dimension, stance) pair of a quote that counts; a quote without speaker or outlet just has fewer. */
    static List<Observation> of(Quote quote, Instant eventTime) {
        List<Observation> out = new ArrayList<>();
        for (Stance stance : quote.stances()) {
            if (!Labels.counts(stance)) {
                continue;
            }
            String speakerKey = Labels.speakerKey(quote.speaker());
            if (speakerKey != null) {
                String name = quote.speaker().name();
                add(out, stance, eventTime, StanceTrend.SPEAKER, speakerKey, name == null ? speakerKey : name.strip());
            }
            String organization = Labels.organization(quote.speaker());
            add(out, stance, eventTime, StanceTrend.ORGANIZATION, Labels.normalised(organization), organization);
            add(out, stance, eventTime, StanceTrend.OUTLET, Labels.normalised(quote.outlet()),
                    quote.outlet() == null ? null : quote.outlet().strip());
        }
        return out;
    }

    private static void add(List<Observation> out, Stance stance, Instant eventTime, String dimension, String key, String name) {
        if (key != null) {
            out.add(new Observation(stance.target(), dimension, key, name, stance.label(), stance.confidence(), eventTime));
        }
    }
}
