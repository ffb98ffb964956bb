package io.stancewire.alerts;

import io.stancewire.model.Alert;
import io.stancewire.model.AlertDelivery;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.JsonSerde;
import io.stancewire.model.Quote;
import io.stancewire.model.StanceShift;
import io.stancewire.model.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Alerts as a sub-topology: subscriptions come from the compacted {@link Topics#SUBSCRIPTIONS} into a global store
 * (every instance and every stream thread sees all of them, whatever partitions it owns), each quote and each
 * stance shift is matched against them, and every match becomes an {@link Alert} on {@link Topics#ALERTS}. Quotes that
 * count towards a volume-spike subscription are repartitioned by subscription and counted per day ({@link DetectSpike}).
 */
public final class AlertTopology {
    static final String SUBSCRIPTION_STORE = "alert-subscriptions";

    private AlertTopology() {}

    /** For a topology that writes shifts but does not hand them over: reads {@link Topics#STANCE_SHIFTS} back. */
    public static SubscriptionMatcher addTo(StreamsBuilder builder, KStream<String, Quote> quotes) {
        return addTo(builder, quotes, AdminTopicExistence::fromStreamsConfig);
    }

    /** @param topicExistence makes, from the app's configuration, what tells whether a delivery topic exists */
    static SubscriptionMatcher addTo(StreamsBuilder builder, KStream<String, Quote> quotes,
                                     Function<Map<String, Object>, TopicExistence> topicExistence) {
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
        return addTo(builder, quotes, shifts, Clock.systemUTC(), topicExistence);
    }

    public static SubscriptionMatcher addTo(StreamsBuilder builder, KStream<String, Quote> quotes, KStream<String, StanceShift> shifts) {
        return addTo(builder, quotes, shifts, Clock.systemUTC(), AdminTopicExistence::fromStreamsConfig);
    }

    /** @return the matcher the global store keeps up to date (one per topology, shared by its stream threads) */
    static SubscriptionMatcher addTo(StreamsBuilder builder, KStream<String, Quote> quotes, KStream<String, StanceShift> shifts,
                                     Clock clock, Function<Map<String, Object>, TopicExistence> topicExistence) {
        SubscriptionMatcher matcher = new SubscriptionMatcher();
        builder.addStateStore(DetectSpike.store(DetectSpike.COUNTS));
        builder.addStateStore(DetectSpike.store(DetectSpike.MARKS));
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SUBSCRIPTION_STORE), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                Topics.SUBSCRIPTIONS,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("alerts-read-subscriptions"),
                () -> new LoadSubscriptions(SUBSCRIPTION_STORE, matcher));

        KStream<String, Matched> quoteAlerts = quotes.process(() -> new MatchEvents<>(MatchEvents.QUOTES, matcher, clock), Named.as("alerts-match-quotes"));
        KStream<String, Matched> shiftAlerts = shifts.process(() -> new MatchEvents<>(MatchEvents.SHIFTS, matcher, clock), Named.as("alerts-match-shifts"));
        KStream<String, Matched> spikeAlerts = quotes
                .flatMap((id, quote) -> quote == null ? List.<KeyValue<String, Quote>>of()
                        : matcher.spikeMatches(quote).stream().map(s -> KeyValue.pair(s.id(), quote)).toList(), Named.as("alerts-spike-candidates"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(Quote.class)).withName("alerts-spike-quotes"))
                .process(() -> new DetectSpike(matcher, clock), Named.as("alerts-detect-spikes"), DetectSpike.COUNTS, DetectSpike.MARKS);
        KStream<String, Matched> alerts = quoteAlerts.merge(shiftAlerts, Named.as("alerts-merge"))
                .merge(spikeAlerts, Named.as("alerts-merge-spikes"));
        alerts.mapValues(Matched::alert, Named.as("alerts-unwrap"))
                .to(Topics.ALERTS, Produced.with(Serdes.String(), JsonSerde.of(Alert.class)).withName("write-alerts"));
        // Kafka-topic delivery is a second sink of the same task: the streams app runs exactly-once (v2), so the
        // alert reaches the subscriber's topic in the transaction that consumes the quote and writes the alert to
        // stancewire.alerts: once, or (on an abort) not at all and again on the retry. No separate delivery worker,
        // so no second offset to keep in step. A webhook cannot join a Kafka transaction; that is the notifier's job.
        // A subscriber may delete their topic while the subscription lives: then the alert is recorded as a failed
        // delivery and dead-lettered instead of being sent (Kafka Streams would wait for the missing sink topic).
        Map<String, KStream<String, DeliveryTopicCheck.Routed>> routed = alerts
                .filter((id, m) -> m.kafkaTopic() != null, Named.as("alerts-with-kafka-delivery"))
                .process(new DeliveryTopicCheck(topicExistence), Named.as("alerts-check-delivery-topic"))
                .split(Named.as("alerts-kafka-"))
                .branch((id, r) -> r.missing() == null, Branched.as("deliverable"))
                .defaultBranch(Branched.as("topic-missing"));
        routed.get("alerts-kafka-deliverable")
                .mapValues(DeliveryTopicCheck.Routed::matched, Named.as("alerts-kafka-deliverable-alerts"))
                .to((id, m, context) -> m.kafkaTopic(), Produced.with(Serdes.String(), matchedAsAlert()).withName("alerts-deliver-to-kafka"));
        KStream<String, DeliveryTopicCheck.Routed> missing = routed.get("alerts-kafka-topic-missing");
        missing.map((id, r) -> {
                    AlertDelivery failure = r.failure(clock);
                    return KeyValue.pair(failure.key(), failure);
                }, Named.as("alerts-kafka-failed-deliveries"))
                .to(Topics.ALERT_DELIVERIES, Produced.with(Serdes.String(), JsonSerde.of(AlertDelivery.class)).withName("alerts-write-failed-deliveries"));
        missing.mapValues(DeliveryTopicCheck.Routed::deadLetter, Named.as("alerts-kafka-undeliverable"))
                .to(Topics.DEAD_LETTER, Produced.with(Serdes.String(), JsonSerde.of(DeadLetter.class)).withName("alerts-write-undeliverable"));
        return matcher;
    }

    /** Writes the alert alone: subscribers read the same {@link Alert} JSON as on {@link Topics#ALERTS}. */
    private static Serde<Matched> matchedAsAlert() {
        Serializer<Alert> alert = JsonSerde.of(Alert.class).serializer();
        return Serdes.serdeFrom((topic, m) -> alert.serialize(topic, m.alert()), (topic, bytes) -> {
            throw new UnsupportedOperationException("delivery topics are written, never read, by the topology");
        });
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
