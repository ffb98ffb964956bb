package io.stancewire.indexer;

import io.stancewire.model.Alert;
import io.stancewire.model.AlertDelivery;
import io.stancewire.model.DeadLetter;
import io.stancewire.model.EnrichedArticle;
import io.stancewire.model.Ids;
import io.stancewire.model.Indices;
import io.stancewire.model.InvalidRecordException;
import io.stancewire.model.Json;
import io.stancewire.model.Quote;
import io.stancewire.model.SpeakerEntry;
import io.stancewire.model.StanceShift;
import io.stancewire.model.StanceTrend;
import io.stancewire.model.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Turns a Kafka record into the document it becomes, or into the dead letter that says why it cannot. */
public final class DocumentRouter {
    public sealed interface Routed permits Routed.Index, Routed.Reject {
        record Index(IndexAction action) implements Routed {}
        record Reject(DeadLetter deadLetter) implements Routed {}
    }

    private final Clock clock;

    public DocumentRouter(Clock clock) {
        this.clock = clock;
    }

    public Routed route(RecordOrigin origin) {
        try {
            return new Routed.Index(switch (origin.topic()) {
                case Topics.ARTICLES_ENRICHED -> {
                    EnrichedArticle article = Json.read(origin.value(), EnrichedArticle.class);
                    requireId(article.article() == null ? null : article.article().id());
                    yield new IndexAction(Indices.ARTICLES, article.article().id(), ArticleDocument.of(article), origin);
                }
                case Topics.QUOTES -> {
                    Quote quote = Json.read(origin.value(), Quote.class);
                    requireId(quote.id());
                    yield new IndexAction(Indices.QUOTES, quote.id(), QuoteDocument.of(quote, clock.instant()), origin);
                }
                case Topics.STANCE_TRENDS -> {
                    StanceTrend trend = Json.read(origin.value(), StanceTrend.class);
                    requireId(trend.id());
                    yield new IndexAction(Indices.TRENDS, trend.id(), trend, origin);
                }
                case Topics.STANCE_SHIFTS -> {
                    StanceShift shift = Json.read(origin.value(), StanceShift.class);
                    requireId(shift.id());
                    yield new IndexAction(Indices.SHIFTS, shift.id(), shift, origin);
                }
                case Topics.SPEAKERS -> {
                    if (origin.value() == null) {
                        requireId(origin.key());
                        yield IndexAction.delete(Indices.SPEAKERS, origin.key(), origin); // removed from the registry
                    }
                    SpeakerEntry speaker = Json.read(origin.value(), SpeakerEntry.class);
                    requireId(speaker.id());
                    yield new IndexAction(Indices.SPEAKERS, speaker.id(), speaker, origin);
                }
                case Topics.DEAD_LETTER -> {
                    DeadLetter letter = Json.read(origin.value(), DeadLetter.class);
                    yield new IndexAction(Indices.DEAD_LETTERS, deadLetterId(origin), letter, origin);
                }
                case Topics.ALERTS -> {
                    Alert alert = Json.read(origin.value(), Alert.class);
                    requireId(alert.id());
                    yield new IndexAction(Indices.ALERTS, alert.id(), AlertDocument.of(alert), origin);
                }
                case Topics.ALERT_DELIVERIES -> {
                    AlertDelivery delivery = Json.read(origin.value(), AlertDelivery.class);
                    requireId(delivery.alertId());
                    yield new IndexAction(Indices.ALERTS, AlertDocument.deliveryId(delivery), AlertDocument.of(delivery), origin);
                }
                default -> throw new InvalidRecordException("the indexer does not read topic " + origin.topic());
            });
        } catch (InvalidRecordException e) {
            return new Routed.Reject(deadLetter(origin, "invalid-record", e.getMessage()));
        }
    }

    public static DeadLetter deadLetter(RecordOrigin origin, String reason, String error) {
        String payload = origin.value() == null ? null : new String(origin.value(), StandardCharsets.UTF_8);
        return DeadLetter.of("indexer", origin.topic(), origin.partition(), origin.offset(), origin.key(), reason, error, payload);
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidRecordException("record has no id");
        }
    }

    /** A dead letter is identified by where it sits in its topic: replays overwrite, distinct letters never collide. */
    private static String deadLetterId(RecordOrigin origin) {
        return Ids.hash(origin.topic() + "/" + origin.partition() + "/" + origin.offset());
    }
}
