package io.stancewire.alerts;

import io.stancewire.local.LocalKafka;
import io.stancewire.model.Alert;
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

import static io.stancewire.alerts.Fixtures.onQuotes;
import static io.stancewire.alerts.Fixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real broker: a subscription written before a restart still fires after it. The matcher lives in memory, so
 * this proves that a restarted instance replays the subscriptions topic through {@link LoadSubscriptions}.
 */
class AlertTopologyRestartIT {
    static final String QUOTES = "alerts-restart-it.quotes";
    static final String SHIFTS = "alerts-restart-it.shifts";

    @Test
    void subscriptionsSurviveARestartOfTheStreamsApplication(@TempDir Path state) throws Exception {
        LocalKafka kafka = LocalKafka.sharedForTests();
        String bootstrap = kafka.bootstrapServers();
        KafkaTestSupport.createTopics(bootstrap);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(QUOTES, 2, (short) 1), new NewTopic(SHIFTS, 2, (short) 1))).all().get();
        }
        Subscription s = onQuotes("restart-it-dga", null, "DGA Group", "AGAINST", "Blackwell AND export");
        KafkaTestSupport.send(bootstrap, Topics.SUBSCRIPTIONS, s.id(), s);

        Quote before = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "Blackwell export rules bite before", "");
        KafkaStreams first = start(bootstrap, state);
        try {
            KafkaTestSupport.send(bootstrap, QUOTES, before.id(), before);
            await().atMost(Duration.ofSeconds(90)).until(() -> !alertsFor(bootstrap, s.id()).isEmpty());
        } finally {
            // leaving the group spares the second instance the wait for the first one's session to time out
            first.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
        Quote after = quote("Paul Triolo", "DGA Group", "AGAINST", 0.8, "Blackwell export rules bite after", "");
        try (KafkaStreams streams = start(bootstrap, state)) {
            KafkaTestSupport.send(bootstrap, QUOTES, after.id(), after);
            await().atMost(Duration.ofSeconds(90)).until(() -> alertsFor(bootstrap, s.id()).size() >= 2);
        }
        assertThat(alertsFor(bootstrap, s.id())).extracting(Alert::id)
                .containsExactlyInAnyOrder(Alert.id(s.id(), before.id()), Alert.id(s.id(), after.id()));
    }

    static List<Alert> alertsFor(String bootstrap, String subscriptionId) {
        return KafkaTestSupport.readAll(bootstrap, Topics.ALERTS, Alert.class, a -> a.subscriptionId().equals(subscriptionId));
    }

    static KafkaStreams start(String bootstrap, Path state) {
        StreamsBuilder builder = new StreamsBuilder();
        AlertTopology.addTo(builder,
                builder.stream(QUOTES, Consumed.with(Serdes.String(), JsonSerde.of(Quote.class))),
                builder.stream(SHIFTS, Consumed.with(Serdes.String(), JsonSerde.of(StanceShift.class))));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-restart-it");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        streams.start();
        return streams;
    }
}
