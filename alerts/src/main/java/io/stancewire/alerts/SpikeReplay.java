package io.stancewire.alerts;

import io.stancewire.model.Quote;
import io.stancewire.model.SpikeRule;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The days a spike rule would fire on for a batch of quotes that count towards it, by the same rule as
 * {@link DetectSpike} but over a finished batch: what {@code stancewire alerts test} prints for a spike subscription.
 */
public final class SpikeReplay {
    private SpikeReplay() {}

    /** @return per UTC day of publication, the count of distinct quotes, for the days that would fire */
    public static Map<LocalDate, Long> firingDays(List<Quote> counted, SpikeRule rule) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Quote q : counted) {
            if (q.publishedAt() != null && seen.add(q.id())) {
                perDay.merge(LocalDate.ofInstant(q.publishedAt(), ZoneOffset.UTC), 1L, Long::sum);
            }
        }
        Map<LocalDate, Long> firing = new TreeMap<>();
        perDay.forEach((day, count) -> {
            long trailing = 0;
            for (int i = 1; i <= rule.trailingDays(); i++) {
                trailing += perDay.getOrDefault(day.minusDays(i), 0L);
            }
            if (DetectSpike.fires(count, trailing, rule)) {
                firing.put(day, count);
            }
        });
        return firing;
    }
}
