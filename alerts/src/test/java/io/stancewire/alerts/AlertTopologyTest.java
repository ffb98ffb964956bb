package io.stancewire.alerts;

import io.stancewire.model.Alert;
import io.stancewire.model.AlertDelivery;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.Json;
import io.stancewire.model.JsonSerde;
import io.stancewire.model.Quote;
import io.stancewire.model.StanceShift;
import io.stancewire.model.Subscription;
import io.stancewire.model.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.stancewire.alerts.Fixtures.onQuotes;
import static io.stancewire.alerts.Fixtures.quote;
import static io.stancewire.alerts.Fixtures.shift;
import static io.stancewire.alerts.Fixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

class AlertTopologyTest {
    static final String QUOTES_IN = "test.quotes";
    TopologyTestDriver driver;
    TestInputTopic<String, Subscription> subscriptions;
    TestInputTopic<String, Quote> quotes;
    TestInputTopic<String, byte[]> shifts;
    TestOutputTopic<String, Alert> alerts;
    TestOutputTopic<String, DeadLetter> deadLetters;
    /** The delivery topics the broker has, as the topology's existence check sees them. */
    final Set<String> existingTopics = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void setUp() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Quote> quoteStream = builder.stream(QUOTES_IN, Consumed.with(Serdes.String(), JsonSerde.of(Quote.class)));
        // the production wiring: shifts read back from their topic
        AlertTopology.addTo(builder, quoteStream, appConfigs -> existingTopics::contains);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS, Serdes.String().serializer(), JsonSerde.of(Subscription.class).serializer());
        quotes = driver.createInputTopic(QUOTES_IN, Serdes.String().serializer(), JsonSerde.of(Quote.class).serializer());
        shifts = driver.createInputTopic(Topics.STANCE_SHIFTS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS, Serdes.String().deserializer(), JsonSerde.of(Alert.class).deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER, Serdes.String().deserializer(), JsonSerde.of(DeadLetter.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void oneAlertForTheOneMatchingQuote() {
        Subscription s = onQuotes("triolo-bearish", "Paul Triolo", null, "AGAINST", null);
        subscriptions.pipeInput(s.id(), s);
        Quote match = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "Chinese chips lag", "");
        List<Quote> stream = List.of(
                quote("Paul Triolo", "DGA Group", "FAVOR", 0.8, "China is catching up fast", ""),
                quote("Jensen Huang", "Nvidia", "AGAINST", 0.8, "Export rules hurt us", ""),
                match,
                quote(null, null, "AGAINST", 0.9, "Nobody said this", ""));
        stream.forEach(q -> quotes.pipeInput(q.id(), q));

        List<Alert> out = alerts.readValuesToList();
        assertThat(out).hasSize(1);
        Alert alert = out.getFirst();
        assertThat(alert.id()).isEqualTo(Alert.id(s.id(), match.id()));
        assertThat(alert.subscriptionId()).isEqualTo(s.id());
        assertThat(alert.owner()).isEqualTo("alice");
        assertThat(alert.kind()).isEqualTo(Subscription.QUOTE);
        assertThat(alert.quote()).isEqualTo(match);
        assertThat(alert.shift()).isNull();
    }

    @Test
    void alertIsKeyedByItsIdAndARepeatedQuoteGivesTheSameId() {
        Subscription s = onQuotes("blackwell", null, null, null, "Blackwell AND export");
        subscriptions.pipeInput(s.id(), s);
        Quote q = quote("Paul Triolo", "DGA Group", null, 0, "Blackwell sales need an export licence", "");
        quotes.pipeInput(q.id(), q);
        quotes.pipeInput(q.id(), q);
        var records = alerts.readKeyValuesToList();
        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(kv -> assertThat(kv.key).isEqualTo(Alert.id(s.id(), q.id())).isEqualTo(kv.value.id()));
    }

    @Test
    void deletedOrTombstonedSubscriptionsStopFiring() {
        Subscription a = onQuotes("a", "Paul Triolo", null, null, null);
        Subscription b = onQuotes("b", null, "DGA Group", null, null);
        subscriptions.pipeInput(a.id(), a);
        subscriptions.pipeInput(b.id(), b);
        subscriptions.pipeInput(a.id(), a.asDeleted());
        subscriptions.pipeInput(b.id(), null);
        Quote q = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "Chinese chips lag", "");
        quotes.pipeInput(q.id(), q);
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(driver.getKeyValueStore(AlertTopology.SUBSCRIPTION_STORE).approximateNumEntries()).isZero();
    }

    @Test
    void shiftSubscriptionFiresOnAFavorToAgainstShift() {
        Subscription flips = subscription("isford-flips", "bob", Subscription.SHIFT, "Grace Isford", null, null, null, null);
        Subscription quotesOnly = onQuotes("isford-quotes", "Grace Isford", null, null, null);
        subscriptions.pipeInput(flips.id(), flips);
        subscriptions.pipeInput(quotesOnly.id(), quotesOnly);
        StanceShift shift = shift("Grace Isford", "Lux Capital", "FAVOR", "AGAINST");
        shifts.pipeInput(shift.id(), Json.write(shift));
        shifts.pipeInput(shift.id(), Json.write(shift("Paul Triolo", "DGA Group", "FAVOR", "AGAINST")));

        List<Alert> out = alerts.readValuesToList();
        assertThat(out).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo(Alert.id(flips.id(), shift.id()));
            assertThat(alert.owner()).isEqualTo("bob");
            assertThat(alert.kind()).isEqualTo(Subscription.SHIFT);
            assertThat(alert.shift()).isEqualTo(shift);
            assertThat(alert.quote()).isNull();
        });
    }

    @Test
    void unreadableShiftIsDeadLetteredAndAnUnreadableSubscriptionIsIgnored() {
        shifts.pipeInput("k", "{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(deadLetters.readValuesToList()).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("alerts");
            assertThat(d.payload()).isEqualTo("{not json");
        });

        var raw = driver.createInputTopic(Topics.SUBSCRIPTIONS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        raw.pipeInput("bad", "{not json".getBytes(StandardCharsets.UTF_8));
        Subscription badQuery = onQuotes("bad-query", null, null, null, "Blackwell AND (");
        raw.pipeInput(badQuery.id(), Json.write(badQuery));
        Subscription good = onQuotes("good", null, null, null, "chips");
        subscriptions.pipeInput(good.id(), good);
        Quote q = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "Chinese chips lag", "");
        quotes.pipeInput(q.id(), q);
        assertThat(alerts.readValuesToList()).extracting(Alert::subscriptionId).containsExactly("good");
    }

    @Test
    void subscriptionWithAKafkaTopicGetsItsAlertsThereToo() {
        Subscription plain = onQuotes("triolo-webhook", "Paul Triolo", null, "AGAINST", null);
        Subscription toKafka = new Subscription(plain.schemaVersion(), "triolo-kafka", "alice", "to kafka", Subscription.QUOTE,
                "Paul Triolo", null, "AGAINST", null, null, null, null, null, "desk.alerts", plain.createdAt(), false);
        existingTopics.add("desk.alerts");
        subscriptions.pipeInput(plain.id(), plain);
        subscriptions.pipeInput(toKafka.id(), toKafka);
        Quote match = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "Chinese chips lag", "");
        quotes.pipeInput(match.id(), match);
        quotes.pipeInput("other", quote("Jensen Huang", "Nvidia", "AGAINST", 0.8, "Export rules hurt us", ""));

        assertThat(alerts.readValuesToList()).extracting(Alert::subscriptionId).containsExactlyInAnyOrder(plain.id(), toKafka.id());
        var delivered = driver.createOutputTopic("desk.alerts", Serdes.String().deserializer(), JsonSerde.of(Alert.class).deserializer())
                .readKeyValuesToList();
        assertThat(delivered).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(Alert.id(toKafka.id(), match.id()));
            assertThat(kv.value.subscriptionId()).isEqualTo(toKafka.id());
            assertThat(kv.value.quote()).isEqualTo(match);
        });
    }

    @Test
    void aDeletedDeliveryTopicGivesAFailedDeliveryAndADeadLetterAndTheOthersGoOn() {
        Subscription plain = onQuotes("triolo-webhook", "Paul Triolo", null, "AGAINST", null);
        Subscription gone = new Subscription(plain.schemaVersion(), "triolo-gone", "alice", "to a deleted topic",
                Subscription.QUOTE, "Paul Triolo", null, "AGAINST", null, null, null, null, null, "desk.gone", plain.createdAt(), false);
        Subscription kept = new Subscription(plain.schemaVersion(), "triolo-kept", "bob", "to a live topic",
                Subscription.QUOTE, "Paul Triolo", null, "AGAINST", null, null, null, null, null, "desk.kept", plain.createdAt(), false);
        existingTopics.add("desk.kept");
        for (Subscription s : List.of(plain, gone, kept)) {
            subscriptions.pipeInput(s.id(), s);
        }
        Quote match = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "Chinese chips lag", "");
        quotes.pipeInput(match.id(), match);

        assertThat(alerts.readValuesToList()).extracting(Alert::subscriptionId)
                .containsExactlyInAnyOrder(plain.id(), gone.id(), kept.id());
        var keptTopic = driver.createOutputTopic("desk.kept", Serdes.String().deserializer(), JsonSerde.of(Alert.class).deserializer());
        var goneTopic = driver.createOutputTopic("desk.gone", Serdes.String().deserializer(), JsonSerde.of(Alert.class).deserializer());
        var deliveries = driver.createOutputTopic(Topics.ALERT_DELIVERIES, Serdes.String().deserializer(),
                JsonSerde.of(AlertDelivery.class).deserializer());
        assertThat(keptTopic.readValuesToList()).extracting(Alert::subscriptionId).containsExactly(kept.id());
        assertThat(goneTopic.isEmpty()).isTrue();
        String goneAlert = Alert.id(gone.id(), match.id());
        assertThat(deliveries.readKeyValuesToList()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(goneAlert + "/kafka");
            assertThat(kv.value.alertId()).isEqualTo(goneAlert);
            assertThat(kv.value.subscriptionId()).isEqualTo(gone.id());
            assertThat(kv.value.owner()).isEqualTo("alice");
            assertThat(kv.value.channel()).isEqualTo(AlertDelivery.KAFKA);
            assertThat(kv.value.status()).isEqualTo(AlertDelivery.DEAD_LETTERED);
            assertThat(kv.value.reason()).contains("desk.gone").contains("does not exist");
        });
        assertThat(deadLetters.readKeyValuesToList()).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(goneAlert);
            assertThat(kv.value.reason()).isEqualTo("delivery-topic-missing");
            assertThat(kv.value.source()).isEqualTo("desk.gone");
            assertThat(Json.read(kv.value.payload(), Alert.class).id()).isEqualTo(goneAlert);
        });

        // The subscriber recreates the topic: delivery resumes, and nothing more is recorded as failed.
        existingTopics.add("desk.gone");
        Quote next = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "Chinese chips still lag", "");
        quotes.pipeInput(next.id(), next);
        assertThat(goneTopic.readValuesToList()).extracting(Alert::id).containsExactly(Alert.id(gone.id(), next.id()));
        assertThat(keptTopic.readValuesToList()).extracting(Alert::id).containsExactly(Alert.id(kept.id(), next.id()));
        assertThat(deliveries.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }
}
