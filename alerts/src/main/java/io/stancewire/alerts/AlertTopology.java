package io.stancewire.alerts;

import io.stancewire.model.Alert;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.JsonSerde;
import io.stancewire.model.Quote;
import io.stancewire.model.StanceShift;
import io.stancewire.model.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Alerts as a sub-topology: subscriptions come from the compacted {@link Topics#SUBSCRIPTIONS} into a global store
 * (every instance and every stream thread sees all of them, whatever partitions it owns), each quote and each
 * stance shift is matched against them, and every match becomes an {@link Alert} on {@link Topics#ALERTS}.
 */
public final class AlertTopology {
    static final String SUBSCRIPTION_STORE = "alert-subscriptions";

    private AlertTopology() {}

    /** For a topology that writes shifts but does not hand them over: reads {@link Topics#STANCE_SHIFTS} back. */
    public static SubscriptionMatcher addTo(StreamsBuilder builder, KStream<String, Quote> quotes) {
        Map<String, KStream<String, Parsed>> parsed = builder
                .stream(Topics.STANCE_SHIFTS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("alerts-read-stance-shifts"))
                .mapValues(Parsed::of, Named.as("alerts-parse-stance-shifts"))
                .split(Named.as("alerts-shift-"))
                .branch((key, p) -> p.shift() != null, Branched.as("ok"))
                .defaultBranch(Branched.as("bad"));
        parsed.get("alerts-shift-bad")
                .mapValues(Parsed::deadLetter, Named.as("alerts-shift-dead-letters"))
                .to(Topics.DEAD_LETTER, Produced.with(Serdes.String(), JsonSerde.of(DeadLetter.class)).withName("alerts-write-dead-letters"));
        KStream<String, StanceShift> shifts = parsed.get("alerts-shift-ok").mapValues(Parsed::shift, Named.as("alerts-shifts"));
        return addTo(builder, quotes, shifts, Clock.systemUTC());
    }

    public static SubscriptionMatcher addTo(StreamsBuilder builder, KStream<String, Quote> quotes, KStream<String, StanceShift> shifts) {
        return addTo(builder, quotes, shifts, Clock.systemUTC());
    }

    /** @return the matcher the global store keeps up to date (one per topology, shared by its stream threads) */
    static SubscriptionMatcher addTo(StreamsBuilder builder, KStream<String, Quote> quotes, KStream<String, StanceShift> shifts, Clock clock) {
        SubscriptionMatcher matcher = new SubscriptionMatcher();
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SUBSCRIPTION_STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                Topics.SUBSCRIPTIONS,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("alerts-read-subscriptions"),
                () -> new LoadSubscriptions(SUBSCRIPTION_STORE, matcher));

        KStream<String, Alert> quoteAlerts = quotes.process(() -> new MatchEvents<>(MatchEvents.QUOTES, matcher, clock), Named.as("alerts-match-quotes"));
        KStream<String, Alert> shiftAlerts = shifts.process(() -> new MatchEvents<>(MatchEvents.SHIFTS, matcher, clock), Named.as("alerts-match-shifts"));
        quoteAlerts.merge(shiftAlerts, Named.as("alerts-merge"))
                .to(Topics.ALERTS, Produced.with(Serdes.String(), JsonSerde.of(Alert.class)).withName("write-alerts"));
        return matcher;
    }

    /** A shift record or why it could not be read; bad records become dead letters instead of stopping the stream. */
    record Parsed(StanceShift shift, String error, String payload) {
        static Parsed of(byte[] bytes) {
            if (bytes == null) {
                return new Parsed(null, "empty record", null);
            }
            try {
                return new Parsed(Json.read(bytes, StanceShift.class), null, null);
            } catch (InvalidRecordException e) {
                return new Parsed(null, e.getMessage(), new String(bytes, StandardCharsets.UTF_8));
            }
        }

        DeadLetter deadLetter() {
            return DeadLetter.of("alerts", Topics.STANCE_SHIFTS, null, null, null, "invalid-json", error, payload);
        }
    }
}
