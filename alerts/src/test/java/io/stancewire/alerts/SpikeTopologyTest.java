package io.stancewire.alerts;

import io.stancewire.model.Alert;
import io.stancewire.model.JsonSerde;
import io.stancewire.model.Quote;
import io.stancewire.model.SchemaVersion;
import io.stancewire.model.SpikeRule;
import io.stancewire.model.Subscription;
import io.stancewire.model.Topics;
import io.stancewire.model.VolumeSpike;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.stancewire.alerts.Fixtures.TARGET;
import static io.stancewire.alerts.Fixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;

/** Volume spikes through the production wiring, with event time taken from the quotes' publication times. */
class SpikeTopologyTest {
    static final String QUOTES_IN = "test.quotes";
    static final Instant DAY_1 = Instant.parse("2026-11-01T08:00:00Z");
    TopologyTestDriver driver;
    TestInputTopic<String, Subscription> subscriptions;
    TestInputTopic<String, Quote> quotes;
    TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void setUp() {
        StreamsBuilder builder = new StreamsBuilder();
        AlertTopology.addTo(builder, builder.stream(QUOTES_IN, Consumed.with(Serdes.String(), JsonSerde.of(Quote.class))),
                appConfigs -> topic -> true);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "spike-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/spike-test-" + UUID.randomUUID());
        driver = new TopologyTestDriver(builder.build(), props);
        subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS, Serdes.String().serializer(), JsonSerde.of(Subscription.class).serializer());
        quotes = driver.createInputTopic(QUOTES_IN, Serdes.String().serializer(), JsonSerde.of(Quote.class).serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS, Serdes.String().deserializer(), JsonSerde.of(Alert.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    static Subscription spike(String id, String organization, SpikeRule rule) {
        return new Subscription(SchemaVersion.CURRENT, id, "alice", id, Subscription.SPIKE, null, organization, "AGAINST", TARGET,
                null, null, null, "https://hooks.example.org/" + id, null, Instant.parse("2026-10-01T00:00:00Z"), false, rule);
    }

    /** A distinct AGAINST (or other) quote on the target, published at {@code at} and fetched a minute later. */
    void said(String organization, String label, Instant at) {
        Quote q = quote("Someone", organization, label, 0.8, "Chinese chips lag", "");
        String id = UUID.randomUUID().toString();
        send(new Quote(q.schemaVersion(), id, q.articleId(), q.begin(), q.end(), q.text(), q.kind(), q.speaker(), q.cue(), q.context(),
                q.language(), q.stances(), q.url(), q.title(), q.outlet(), at));
    }

    void send(Quote q) {
        quotes.pipeInput(q.id(), q, q.publishedAt().plus(Duration.ofMinutes(1)));
    }

    /** {@code perDay} DGA AGAINST quotes on each of the seven days from DAY_1. */
    void baseline(int perDay) {
        for (int day = 0; day < 7; day++) {
            for (int i = 0; i < perDay; i++) {
                said("DGA Group", "AGAINST", DAY_1.plus(Duration.ofDays(day)).plusSeconds(60L * i));
            }
        }
    }

    static Instant day(int n) {
        return DAY_1.plus(Duration.ofDays(n - 1));
    }

    @Test
    void firesOnceWhenADayReachesThreeTimesItsTrailingAverage() {
        Subscription s = spike("dga-spike", "DGA Group", null);
        subscriptions.pipeInput(s.id(), s);
        baseline(2); // 2 a day: a spike needs 6 (and the default minimum of 5)
        assertThat(alerts.isEmpty()).isTrue();

        for (int i = 0; i < 5; i++) {
            said("DGA Group", "AGAINST", day(8).plusSeconds(60L * i));
        }
        assertThat(alerts.isEmpty()).as("5 is not 3 × 2").isTrue();
        said("DGA Group", "AGAINST", day(8).plusSeconds(600));
        List<Alert> fired = alerts.readValuesToList();
        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Subscription.SPIKE);
            assertThat(a.id()).isEqualTo(Alert.id(s.id(), "spike\u00002026-11-08"));
            assertThat(a.subscriptionId()).isEqualTo(s.id());
            assertThat(a.owner()).isEqualTo("alice");
            assertThat(a.quote().publishedAt()).isEqualTo(day(8).plusSeconds(600));
            // 6 quotes on Nov 8 against 14 in the 7 days before: 3 × 2.0 a day.
            assertThat(a.spike()).isEqualTo(new VolumeSpike(LocalDate.parse("2026-11-08"), 6, 2.0, 7, 3.0, 5, 6.0));
        });

        for (int i = 0; i < 4; i++) {
            said("DGA Group", "AGAINST", day(8).plusSeconds(900L + i));
        }
        assertThat(alerts.isEmpty()).as("once per day").isTrue();
    }

    @Test
    void aSpikeDeliveredToAKafkaTopicCarriesItsCountsThereToo() {
        Subscription plain = spike("dga-spike-desk", "DGA Group", new SpikeRule(4.0, 2, 4));
        Subscription s = new Subscription(plain.schemaVersion(), plain.id(), plain.owner(), plain.name(), plain.kind(),
                plain.speaker(), plain.organization(), plain.stance(), plain.target(), plain.minConfidence(), plain.language(),
                plain.query(), null, "desk.spikes", plain.createdAt(), false, plain.spikeRule());
        subscriptions.pipeInput(s.id(), s);
        said("DGA Group", "AGAINST", day(1));
        said("DGA Group", "AGAINST", day(2)); // 2 in the 2 days before day 3: average 1, so day 3 needs 4
        for (int i = 0; i < 4; i++) {
            said("DGA Group", "AGAINST", day(3).plusSeconds(i));
        }
        VolumeSpike expected = new VolumeSpike(LocalDate.parse("2026-11-03"), 4, 1.0, 2, 4.0, 4, 4.0);
        assertThat(alerts.readValuesToList()).singleElement().extracting(Alert::spike).isEqualTo(expected);
        var desk = driver.createOutputTopic("desk.spikes", Serdes.String().deserializer(), JsonSerde.of(Alert.class).deserializer());
        assertThat(desk.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Subscription.SPIKE);
            assertThat(a.spike()).isEqualTo(expected);
        });
    }

    @Test
    void quotesOutsideTheFiltersAndRepeatedQuotesDoNotCount() {
        Subscription s = spike("dga-spike", "DGA Group", new SpikeRule(2.0, 3, 3));
        subscriptions.pipeInput(s.id(), s);
        for (int i = 0; i < 10; i++) {
            said("Nvidia", "AGAINST", day(4).plusSeconds(i));
            said("DGA Group", "FAVOR", day(4).plusSeconds(i));
        }
        Quote q = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "Chinese chips lag", "");
        Quote same = new Quote(q.schemaVersion(), q.id(), q.articleId(), q.begin(), q.end(), q.text(), q.kind(), q.speaker(), q.cue(),
                q.context(), q.language(), q.stances(), q.url(), q.title(), q.outlet(), day(4));
        for (int i = 0; i < 5; i++) {
            send(same); // one article published again and again is one quote
        }
        assertThat(alerts.isEmpty()).isTrue();
        said("DGA Group", "AGAINST", day(4).plusSeconds(100));
        said("DGA Group", "AGAINST", day(4).plusSeconds(101));
        assertThat(alerts.readValuesToList()).as("three distinct quotes after a silent trailing window").singleElement()
                .extracting(Alert::spike)
                .isEqualTo(new VolumeSpike(LocalDate.parse("2026-11-04"), 3, 0.0, 3, 2.0, 3, 3.0));
    }

    @Test
    void aQuietDayBelowTheMinimumNeverFiresAndTheNextSpikeDayFiresAgain() {
        Subscription s = spike("dga-spike", "DGA Group", new SpikeRule(3.0, 7, 4));
        subscriptions.pipeInput(s.id(), s);
        said("DGA Group", "AGAINST", day(1));
        said("DGA Group", "AGAINST", day(1).plusSeconds(1));
        said("DGA Group", "AGAINST", day(1).plusSeconds(2));
        assertThat(alerts.isEmpty()).as("3 quotes out of nothing: below the minimum of 4").isTrue();

        for (int i = 0; i < 4; i++) {
            said("DGA Group", "AGAINST", day(2).plusSeconds(i));
        }
        // trailing average 3/7 per day: 4 quotes are a spike
        for (int i = 0; i < 4; i++) {
            said("DGA Group", "AGAINST", day(3).plusSeconds(i));
        }
        // trailing average (3 + 4) / 7 = 1 per day: 4 quotes reach 3 × 1 again, a new day, a new alert
        assertThat(alerts.readValuesToList()).extracting(Alert::id)
                .containsExactly(Alert.id(s.id(), "spike\u00002026-11-02"), Alert.id(s.id(), "spike\u00002026-11-03"));
    }

    @Test
    void aSpikeSubscriptionDoesNotFireOnEveryQuoteAndADeletedOneStops() {
        Subscription s = spike("dga-spike", "DGA Group", new SpikeRule(3.0, 7, 2));
        subscriptions.pipeInput(s.id(), s);
        said("DGA Group", "AGAINST", day(1));
        assertThat(alerts.isEmpty()).isTrue();
        subscriptions.pipeInput(s.id(), null);
        said("DGA Group", "AGAINST", day(1).plusSeconds(5));
        said("DGA Group", "AGAINST", day(1).plusSeconds(6));
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void aQuoteArrivingDaysLateDoesNotCount() {
        Subscription s = spike("dga-spike", "DGA Group", new SpikeRule(3.0, 7, 2));
        subscriptions.pipeInput(s.id(), s);
        said("Nvidia", "AGAINST", day(10)); // moves stream time on
        Quote late = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "Chinese chips lag", "");
        for (int i = 0; i < 3; i++) {
            Quote q = new Quote(late.schemaVersion(), "late-" + i, late.articleId(), late.begin(), late.end(), late.text(), late.kind(),
                    late.speaker(), late.cue(), late.context(), late.language(), late.stances(), late.url(), late.title(), late.outlet(), day(5));
            quotes.pipeInput(q.id(), q, day(5).plusSeconds(60));
        }
        assertThat(alerts.isEmpty()).isTrue();
    }
}
