package io.stancewire.alerts;

import io.stancewire.model.SchemaVersion;
import io.stancewire.model.SpikeRule;
import io.stancewire.model.Subscription;

import java.time.Instant;

/** What a client sends to subscribe; the id, owner and creation time are the server's to set. */
public record SubscriptionRequest(String name, String kind, String speaker, String organization, String stance, String target,
                                  Double minConfidence, String language, String query, String webhookUrl, String kafkaTopic, SpikeRule spike) {

    Subscription toSubscription(String id, String owner, Instant now) {
        return new Subscription(SchemaVersion.CURRENT, id, owner, name, kind, speaker, organization, stance, target,
                minConfidence, language, query, webhookUrl, kafkaTopic == null ? null : kafkaTopic.strip(), now, false, spike);
    }
}
