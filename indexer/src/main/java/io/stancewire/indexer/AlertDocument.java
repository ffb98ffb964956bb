package io.stancewire.indexer;

import io.stancewire.model.Alert;
import io.stancewire.model.AlertDelivery;
import io.stancewire.model.Ids;
import io.stancewire.model.Quote;
import io.stancewire.model.Stance;
import io.stancewire.model.StanceShift;
import io.stancewire.model.VolumeSpike;

import java.time.Instant;
import java.util.List;

/**
 * Alert history in {@code stancewire-alerts}: one document per alert ({@code record: alert}, at the alert id) and
 * one per alert's latest delivery outcome ({@code record: delivery}, replaced as the outcome changes), sharing
 * {@code alertId}, {@code subscriptionId} and {@code owner}, so Kibana can chart what fired and how delivery went
 * side by side. Two documents rather than one merged: each comes from its own topic, and an index of a whole
 * document must not erase what the other topic wrote.
 */
public record AlertDocument(
        String record,
        String alertId,
        String subscriptionId,
        String owner,
        String kind,
        Instant matchedAt,
        String quoteId,
        String articleId,
        String speakerName,
        String affiliation,
        String text,
        List<String> labels,
        String url,
        String outlet,
        Instant publishedAt,
        String shiftFrom,
        String shiftTo,
        String status,
        Integer attempts,
        String reason,
        Instant at,
        String channel,
        VolumeSpike spike) {

    public static final String ALERT = "alert";
    public static final String DELIVERY = "delivery";

    static AlertDocument of(Alert a) {
        Quote q = a.quote();
        StanceShift s = a.shift();
        if (q != null) {
            return new AlertDocument(ALERT, a.id(), a.subscriptionId(), a.owner(), a.kind(), a.matchedAt(), q.id(), q.articleId(),
                    q.speaker() == null ? null : q.speaker().name(), q.speaker() == null ? null : q.speaker().affiliation(), q.text(),
                    q.stances().stream().map(Stance::label).toList(), q.url(), q.outlet(), q.publishedAt(), null, null,
                    null, null, null, a.matchedAt(), null, a.spike());
        }
        return new AlertDocument(ALERT, a.id(), a.subscriptionId(), a.owner(), a.kind(), a.matchedAt(),
                s == null ? null : s.quoteId(), s == null ? null : s.articleId(), s == null ? null : s.speakerName(),
                s == null ? null : s.affiliation(), s == null ? null : s.quoteText(), List.of(), s == null ? null : s.url(),
                s == null ? null : s.outlet(), s == null ? null : s.at(), s == null ? null : s.from(), s == null ? null : s.to(),
                null, null, null, a.matchedAt(), null, a.spike());
    }

    static AlertDocument of(AlertDelivery d) {
        return new AlertDocument(DELIVERY, d.alertId(), d.subscriptionId(), d.owner(), null, null, null, null, null, null, null,
                List.of(), null, null, null, null, null, d.status(), d.attempts(), d.reason(), d.at(),
                d.channel() == null ? AlertDelivery.WEBHOOK : d.channel(), null);
    }

    /**
     * The alert's own document id is its id; its delivery outcome on each channel lives beside it (the webhook's
     * id is the one used before there were channels, so its document is still replaced, not doubled).
     */
    static String deliveryId(AlertDelivery d) {
        return Ids.hash("delivery\u0000" + d.key());
    }
}
