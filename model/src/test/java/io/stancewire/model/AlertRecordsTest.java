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
}
