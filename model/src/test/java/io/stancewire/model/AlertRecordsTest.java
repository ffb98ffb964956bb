package io.stancewire.model;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRecordsTest {

    @Test
    void subscriptionsAndDeliveriesAreCompactedAlertsAreEvents() {
        assertThat(Topics.ALL).contains(Topics.SUBSCRIPTIONS, Topics.ALERTS, Topics.ALERT_DELIVERIES);
        assertThat(TopicSetup.configFor(Topics.SUBSCRIPTIONS))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(TopicSetup.configFor(Topics.ALERT_DELIVERIES))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(TopicSetup.configFor(Topics.ALERTS))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    }

    @Test
    void alertIdDependsOnSubscriptionAndEventOnly() {
        assertThat(Alert.id("s1", "q1")).isEqualTo(Alert.id("s1", "q1")).hasSize(32)
                .isNotEqualTo(Alert.id("s2", "q1")).isNotEqualTo(Alert.id("s1", "q2"));
    }

    @Test
    void subscriptionSurvivesJsonRoundTripAndDefaultsToQuoteKind() {
        Subscription s = new Subscription(SchemaVersion.CURRENT, "id", "alice", "chips", null, "Paul Triolo", "DGA Group",
                "AGAINST", "t", 0.5, "en", "Blackwell AND export", "https://example.org/hook", null,
                Instant.parse("2026-11-23T10:00:00Z"), false);
        assertThat(s.kind()).isEqualTo(Subscription.QUOTE);
        assertThat(Json.read(Json.write(s), Subscription.class)).isEqualTo(s);
        assertThat(s.asDeleted().deleted()).isTrue();
    }

    @Test
    void aSpikeAlertCarriesItsCountsAndOlderAlertsStillRead() {
        Alert spike = new Alert(SchemaVersion.CURRENT, "a1", "s1", "alice", Subscription.SPIKE, null, null,
                Instant.parse("2026-11-08T10:00:00Z"),
                new VolumeSpike(java.time.LocalDate.parse("2026-11-08"), 6, 2.0, 7, 3.0, 5, 6.0));
        String json = Json.writeString(spike);
        assertThat(json).contains("\"spike\":{\"day\":\"2026-11-08\",\"count\":6,\"trailingAverage\":2.0,"
                + "\"trailingDays\":7,\"factor\":3.0,\"minCount\":5,\"threshold\":6.0}");
        assertThat(Json.read(json, Alert.class)).isEqualTo(spike);

        String older = "{\"schemaVersion\":1,\"id\":\"a2\",\"subscriptionId\":\"s1\",\"owner\":\"alice\","
                + "\"kind\":\"quote\",\"matchedAt\":\"2026-11-08T10:00:00Z\"}";
        assertThat(Json.read(older, Alert.class).spike()).isNull();
    }

    @Test
    void deliveriesOfOneAlertOnTwoChannelsHaveTwoKeysAndOlderOnesAreWebhooks() {
        AlertDelivery webhook = new AlertDelivery(SchemaVersion.CURRENT, "a1", "s1", "alice", AlertDelivery.DELIVERED, 1,
                null, Instant.parse("2026-11-08T10:00:00Z"));
        AlertDelivery kafka = new AlertDelivery(SchemaVersion.CURRENT, "a1", "s1", "alice", AlertDelivery.DEAD_LETTERED, 0,
                "topic gone", Instant.parse("2026-11-08T10:00:00Z"), AlertDelivery.KAFKA);
        assertThat(webhook.key()).isEqualTo("a1");
        assertThat(kafka.key()).isEqualTo("a1/kafka");
        assertThat(Json.read(Json.write(kafka), AlertDelivery.class)).isEqualTo(kafka);
        String older = "{\"schemaVersion\":1,\"alertId\":\"a1\",\"status\":\"delivered\",\"attempts\":1}";
        assertThat(Json.read(older, AlertDelivery.class).key()).isEqualTo("a1");
    }
}
