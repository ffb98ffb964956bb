package io.stancewire.streams.trends;

import io.stancewire.model.JsonSerde;
import io.stancewire.model.Quote;
import io.stancewire.model.StanceShift;
import io.stancewire.model.StanceTrend;
import io.stancewire.model.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindowedKStream;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;
import java.time.Instant;

/**
 * Stance trends and stance shifts as a sub-topology over the stream of quotes.
 *
 * <ul>
 *   <li>{@link Topics#STANCE_TRENDS}: per speaker, organisation and outlet, per UTC day and per week from Monday,
 *       the counts of FAVOR/AGAINST/NEUTRAL quotes on each target and the net score. Every quote re-emits its
 *       windows' current values (no suppression): the topic is compacted and the index overwrites by id, so a
 *       dashboard sees a day fill up as it happens. A quote later than the window's end plus grace (event time) is
 *       dropped by Kafka Streams (metric {@code dropped-records}); it stays on the quotes topic.</li>
 *   <li>{@link Topics#STANCE_SHIFTS}: one record when a speaker's rolling stance on a target crosses sides.</li>
 * </ul>
 */
public final class StanceTrends {
    static final String SEEN_QUOTES_STORE = "stance-seen-quotes";
    static final String DAY_STORE = "stance-trend-day-store";
    static final String WEEK_STORE = "stance-trend-week-store";
    static final String SPEAKER_STANCE_STORE = "stance-shift-speaker-store";

    private static final JsonSerde<StanceTrend> TREND_SERDE = JsonSerde.of(StanceTrend.class);

    private StanceTrends() {}

    public static void addTo(StreamsBuilder builder, KStream<String, Quote> quotes) {
        addTo(builder, quotes, TrendSettings.defaults());
    }

    public static void addTo(StreamsBuilder builder, KStream<String, Quote> quotes, TrendSettings settings) {
        Duration dedupRetention = settings.dedupRetention();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SEEN_QUOTES_STORE, dedupRetention, Duration.ofMillis(1), false),
                Serdes.String(), Serdes.Long()));
        KStream<String, Quote> once = quotes.processValues(
                () -> new CountOnceAtEventTime(SEEN_QUOTES_STORE, dedupRetention), Named.as("stance-count-each-quote-once"), SEEN_QUOTES_STORE);

        addTrends(once, settings);
        addShifts(builder, once, settings);
    }

    private static void addTrends(KStream<String, Quote> quotes, TrendSettings settings) {
        KGroupedStream<String, Observation> grouped = quotes
                .process(Observations::new, Named.as("stance-trend-observations"))
                .groupByKey(Grouped.with("stance-trend-by-key", Serdes.String(), JsonSerde.of(Observation.class)));

        writeTrends(grouped.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofDays(1), settings.dayGrace())),
                StanceTrend.DAY, DAY_STORE, settings.dayGrace().plus(Duration.ofDays(1)));
        writeTrends(grouped.windowedBy(new MondayWeeks(settings.weekGrace())),
                StanceTrend.WEEK, WEEK_STORE, settings.weekGrace().plus(MondayWeeks.SIZE));
    }

    private static void writeTrends(TimeWindowedKStream<String, Observation> windowed, String window, String store, Duration retention) {
        windowed.aggregate(TrendTally::empty, (key, observation, tally) -> tally.add(observation),
                        Named.as("stance-trend-" + window + "-aggregate"),
                        Materialized.<String, TrendTally, WindowStore<Bytes, byte[]>>as(store)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(JsonSerde.of(TrendTally.class))
                                .withRetention(retention))
                .toStream(Named.as("stance-trend-" + window + "-updates"))
                .map((Windowed<String> key, TrendTally tally) -> {
                    StanceTrend trend = tally.toTrend(window, key.window().startTime(), key.window().endTime(), Instant.now());
                    return KeyValue.pair(trend.id(), trend);
                }, Named.as("stance-trend-" + window + "-records"))
                .to(Topics.STANCE_TRENDS, Produced.with(Serdes.String(), TREND_SERDE).withName("write-stance-trends-" + window));
    }

    private static void addShifts(StreamsBuilder builder, KStream<String, Quote> quotes, TrendSettings settings) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SPEAKER_STANCE_STORE), Serdes.String(), JsonSerde.of(RollingStance.class)));
        quotes.process(SpeakerQuotes::new, Named.as("stance-shift-speaker-quotes"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(SpeakerQuote.class)).withName("stance-shift-by-speaker"))
                .processValues(() -> new DetectShift(SPEAKER_STANCE_STORE, settings), Named.as("stance-shift-detect"), SPEAKER_STANCE_STORE)
                .selectKey((speakerAndTarget, shift) -> shift.id(), Named.as("stance-shift-key-by-id"))
                .to(Topics.STANCE_SHIFTS, Produced.with(Serdes.String(), JsonSerde.of(StanceShift.class)).withName("write-stance-shifts"));
    }
}
