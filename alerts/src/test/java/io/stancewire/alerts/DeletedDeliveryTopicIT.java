package io.stancewire.alerts;

import io.stancewire.local.LocalKafka;
import io.stancewire.model.Alert;
import io.stancewire.model.AlertDelivery;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.JsonSerde;
import io.stancewire.model.Quote;
import io.stancewire.model.StanceShift;
import io.stancewire.model.Subscription;
import io.stancewire.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.stancewire.alerts.Fixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real broker, with exactly-once streams: a subscriber deletes their delivery topic while the subscription
 * lives. The streams app keeps running, the other subscription keeps getting its alerts, the deleted one's alert
 * becomes a failed delivery and a dead letter, and recreating the topic resumes delivery.
 */
class DeletedDeliveryTopicIT {
    static final String QUOTES = "alerts-deleted-topic-it.quotes";
    static final String SHIFTS = "alerts-deleted-topic-it.shifts";
    static final String KEPT = "it.desk-kept";
    static final String GONE = "it.desk-gone";

    @Test
    void aDeletedTopicFailsItsDeliveriesOnlyAndRecreatingItResumesThem(@TempDir Path state) throws Exception {
        LocalKafka kafka = LocalKafka.sharedForTests();
        String bootstrap = kafka.bootstrapServers();
        KafkaTestSupport.createTopics(bootstrap);
        Subscription kept = toTopic("deleted-it-kept", "bob", KEPT);
        Subscription gone = toTopic("deleted-it-gone", "carol", GONE);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaStreams streams = start(bootstrap, state)) {
            admin.createTopics(List.of(new NewTopic(QUOTES, 2, (short) 1), new NewTopic(SHIFTS, 2, (short) 1),
                    new NewTopic(KEPT, 1, (short) 1), new NewTopic(GONE, 1, (short) 1))).all().get();
            KafkaTestSupport.send(bootstrap, Topics.SUBSCRIPTIONS, kept.id(), kept);
            KafkaTestSupport.send(bootstrap, Topics.SUBSCRIPTIONS, gone.id(), gone);
            streams.start();

            Quote first = said("Blackwell export rules bite, first");
            await().atMost(Duration.ofSeconds(120)).until(() -> delivered(bootstrap, GONE).size() == 1);

            admin.deleteTopics(List.of(GONE)).all().get();
            await().atMost(Duration.ofSeconds(30)).until(() -> !admin.listTopics().names().get().contains(GONE));
            // A topic deleted within the check's cache age of a delivery is still written to (documented window).
            Thread.sleep(AdminTopicExistence.MAX_AGE.plusMillis(500).toMillis());

            Quote second = said("Blackwell export rules bite, second");
            String lost = Alert.id(gone.id(), second.id());
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered(bootstrap, KEPT).size() == 2);
            await().atMost(Duration.ofSeconds(60)).until(() -> !kafkaFailures(bootstrap, lost).isEmpty());
            assertThat(kafkaFailures(bootstrap, lost)).singleElement().satisfies(d -> {
                assertThat(d.subscriptionId()).isEqualTo(gone.id());
                assertThat(d.status()).isEqualTo(AlertDelivery.DEAD_LETTERED);
                assertThat(d.reason()).contains(GONE).contains("does not exist");
            });
            assertThat(KafkaTestSupport.readAll(bootstrap, Topics.DEAD_LETTER, DeadLetter.class,
                    d -> DeliveryTopicCheck.MISSING_REASON.equals(d.reason()) && lost.equals(d.key())))
                    .singleElement().satisfies(d -> assertThat(d.payload()).contains(second.text()));
            try (DeliveryView view = new DeliveryView(bootstrap)) { // what `stancewire alerts list` shows
                assertThat(view.statusByOwner("carol").get(gone.id())).satisfies(s -> {
                    assertThat(s.deadLettered()).isEqualTo(1);
                    assertThat(s.lastError()).contains(GONE);
                });
            }
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);

            admin.createTopics(List.of(new NewTopic(GONE, 1, (short) 1))).all().get();
            Thread.sleep(AdminTopicExistence.MAX_AGE.plusMillis(500).toMillis());
            Quote third = said("Blackwell export rules bite, third");
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered(bootstrap, GONE).size() == 1);

            assertThat(delivered(bootstrap, GONE)).extracting(Alert::id).containsExactly(Alert.id(gone.id(), third.id()));
            assertThat(delivered(bootstrap, KEPT)).extracting(Alert::id).containsExactlyInAnyOrder(
                    Alert.id(kept.id(), first.id()), Alert.id(kept.id(), second.id()), Alert.id(kept.id(), third.id()));
            assertThat(KafkaTestSupport.readAll(bootstrap, Topics.ALERTS, Alert.class,
                    a -> a.subscriptionId().equals(gone.id()))).as("every alert is on stancewire.alerts").hasSize(3);
            assertThat(kafkaFailures(bootstrap, Alert.id(gone.id(), third.id()))).isEmpty();
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
    }

    private static Subscription toTopic(String id, String owner, String topic) {
        Subscription s = Fixtures.subscription(id, owner, Subscription.QUOTE, null, "DGA Group", "AGAINST", null, "Blackwell");
        return new Subscription(s.schemaVersion(), s.id(), s.owner(), s.name(), s.kind(), s.speaker(), s.organization(),
                s.stance(), s.target(), s.minConfidence(), s.language(), s.query(), null, topic, s.createdAt(), false);
    }

    private Quote said(String text) {
        Quote q = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, text, "");
        KafkaTestSupport.send(LocalKafka.sharedForTests().bootstrapServers(), QUOTES, q.id(), q);
        return q;
    }

    private static List<Alert> delivered(String bootstrap, String topic) {
        return KafkaTestSupport.readAll(bootstrap, topic, Alert.class, a -> true);
    }

    private static List<AlertDelivery> kafkaFailures(String bootstrap, String alertId) {
        return KafkaTestSupport.readAll(bootstrap, Topics.ALERT_DELIVERIES, AlertDelivery.class,
                d -> alertId.equals(d.alertId()) && AlertDelivery.KAFKA.equals(d.channel()));
    }

    private static KafkaStreams start(String bootstrap, Path state) {
        StreamsBuilder builder = new StreamsBuilder();
        AlertTopology.addTo(builder,
                builder.stream(QUOTES, Consumed.with(Serdes.String(), JsonSerde.of(Quote.class))),
                builder.stream(SHIFTS, Consumed.with(Serdes.String(), JsonSerde.of(StanceShift.class))));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-deleted-topic-it");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // the shared test broker has one node
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        return new KafkaStreams(builder.build(), props);
    }
}
