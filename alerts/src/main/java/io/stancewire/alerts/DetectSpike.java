package io.stancewire.alerts;

import io.stancewire.model.Alert;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.SpikeRule;
import io.stancewire.model.Subscription;
import io.stancewire.model.VolumeSpike;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Volume spikes: quotes arrive keyed by the spike subscription they count towards (repartitioned, so that one task
 * sees all of a subscription's quotes), are counted per UTC day of their publication (event time, not arrival) in a
 * window store, and a day whose count reaches {@link SpikeRule#minCount()} and {@link SpikeRule#factor()} times the
 * average of the {@link SpikeRule#trailingDays()} before it fires one alert. A trailing average of zero (no quotes
 * at all before) is exceeded by any count, so the minimum count is what keeps a first quiet day from firing.
 *
 * <p>Once per subscription per day: a mark in the marks store stops a second alert that day, and the alert id
 * derives from subscription and day, so a replay after a crash writes the same id. The stores are changelogged and
 * the streams app runs exactly-once, so counts, marks and alerts commit together with the consumed quotes.
 * A quote id is counted once per subscription (a re-published article brings the same quote ids again).
 */
final class DetectSpike implements Processor<String, Quote, String, Matched> {
    static final String COUNTS = "alert-spike-counts";
    static final String MARKS = "alert-spike-marks";
    static final Duration DAY = Duration.ofDays(1);
    /** How late (behind stream time) a quote may arrive and still count: news feeds trail by a day or two. */
    static final Duration GRACE = Duration.ofDays(2);
    /** Counts are kept for the longest trailing window before the day of the latest quote that may still count. */
    static final Duration RETENTION = DAY.multipliedBy(SpikeRule.MAX_TRAILING_DAYS + 1).plus(GRACE);

    private final SubscriptionMatcher matcher;
    private final Clock clock;
    private ProcessorContext<String, Matched> context;
    private WindowStore<String, Long> counts;
    private WindowStore<String, Long> marks;

    DetectSpike(SubscriptionMatcher matcher, Clock clock) {
        this.matcher = matcher;
        this.clock = clock;
    }

    static StoreBuilder<WindowStore<String, Long>> store(String name) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(name, RETENTION, DAY, false), Serdes.String(), Serdes.Long());
    }

    @Override
    public void init(ProcessorContext<String, Matched> context) {
        this.context = context;
        this.counts = context.getStateStore(COUNTS);
        this.marks = context.getStateStore(MARKS);
    }

    @Override
    public void process(Record<String, Quote> record) {
        Quote quote = record.value();
        String subscriptionId = record.key();
        if (quote == null || quote.id() == null || subscriptionId == null) {
            return;
        }
        long eventTime = eventTime(quote, record.timestamp());
        long day = eventTime - Math.floorMod(eventTime, DAY.toMillis());
        if (eventTime < context.currentStreamTimeMs() - GRACE.toMillis()) {
            return; // too late: a spike is news of the day, and its trailing days may be leaving the stores
        }
        String seenKey = "quote\u0000" + subscriptionId + "\u0000" + quote.id();
        if (marks.fetch(seenKey, day) != null) {
            return;
        }
        marks.put(seenKey, 1L, day);
        Long before = counts.fetch(subscriptionId, day);
        long count = before == null ? 1 : before + 1;
        counts.put(subscriptionId, count, day);

        Optional<Subscription> subscription = matcher.get(subscriptionId);
        if (subscription.isEmpty() || !subscription.get().kind().equals(Subscription.SPIKE)) {
            return; // deleted since the quote matched it
        }
        SpikeRule rule = subscription.get().spikeRule();
        String firedKey = "fired\u0000" + subscriptionId;
        if (count < rule.minCount() || marks.fetch(firedKey, day) != null) {
            return;
        }
        long trailingTotal = trailingTotal(subscriptionId, day, rule.trailingDays());
        if (!fires(count, trailingTotal, rule)) {
            return;
        }
        marks.put(firedKey, 1L, day);
        LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(day), ZoneOffset.UTC);
        Alert alert = new Alert(SchemaVersion.CURRENT, Alert.id(subscriptionId, "spike\u0000" + date), subscriptionId,
                subscription.get().owner(), Subscription.SPIKE, quote, null, clock.instant(),
                spike(date, count, trailingTotal, rule));
        context.forward(record.withKey(alert.id()).withValue(Matched.of(alert, subscription.get())));
    }

    /** What fired: the day's count against the trailing average and the rule that compared them. */
    static VolumeSpike spike(LocalDate day, long count, long trailingTotal, SpikeRule rule) {
        double average = (double) trailingTotal / rule.trailingDays();
        return new VolumeSpike(day, count, average, rule.trailingDays(), rule.factor(), rule.minCount(),
                Math.max(rule.minCount(), rule.factor() * average));
    }

    /** @param trailingTotal quotes on the {@link SpikeRule#trailingDays()} before the day (days without any count as 0) */
    static boolean fires(long count, long trailingTotal, SpikeRule rule) {
        return count >= rule.minCount() && count >= rule.factor() * trailingTotal / rule.trailingDays();
    }

    private long trailingTotal(String subscriptionId, long day, int days) {
        long total = 0;
        try (WindowStoreIterator<Long> earlier = counts.fetch(subscriptionId, day - DAY.toMillis() * days, day - 1)) {
            while (earlier.hasNext()) {
                total += earlier.next().value;
            }
        }
        return total;
    }

    /**
     * The publication time, as for stance trends: capped at the record's time (a publication time in the future is
     * a feed's error and would push stream time ahead), and the record's time when there is none.
     */
    static long eventTime(Quote quote, long recordTimestamp) {
        if (quote.publishedAt() == null || quote.publishedAt().toEpochMilli() < 0) {
            return recordTimestamp;
        }
        return Math.min(quote.publishedAt().toEpochMilli(), recordTimestamp);
    }
}
