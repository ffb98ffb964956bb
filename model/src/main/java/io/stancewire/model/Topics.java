package io.stancewire.model;

import java.util.List;

/** Kafka topic names. One place, so every stage and the docker-compose setup agree. */
public final class Topics {
    private Topics() {}

    /** Articles as fetched by the producer, keyed by article id. */
    public static final String ARTICLES_RAW = "stancewire.articles.raw";
    /** Articles with language, entities and quotes, keyed by article id. */
    public static final String ARTICLES_ENRICHED = "stancewire.articles.enriched";
    /** One record per quote, keyed by quote id. */
    public static final String QUOTES = "stancewire.quotes";
    /** Records any stage could not process, with the reason. */
    public static final String DEAD_LETTER = "stancewire.deadletter";
    /** The producer's seen-set: article id to first sighting, compacted, written in the same transaction as the article. */
    public static final String PRODUCER_SEEN = "stancewire.producer.seen";
    /** Each feed's health as the producer last saw it ({@code FeedStatus} of the producer), keyed by feed URL, compacted. */
    public static final String PRODUCER_FEEDS = "stancewire.producer.feeds";

    /** Stance per speaker, organisation and outlet per day and week ({@code StanceTrend}), keyed by trend id, compacted. */
    public static final String STANCE_TRENDS = "stancewire.stance.trends";
    /** A speaker's rolling stance crossed sides ({@code StanceShift}), keyed by shift id. */
    public static final String STANCE_SHIFTS = "stancewire.stance.shifts";

    /** Alert subscriptions ({@code Subscription}), keyed by subscription id, compacted: the source of truth. */
    public static final String SUBSCRIPTIONS = "stancewire.alerts.subscriptions";
    /** Matches of a subscription ({@code Alert}), keyed by alert id, which is the idempotency key of a delivery. */
    public static final String ALERTS = "stancewire.alerts";
    /** Delivery outcome per alert (delivered or dead-lettered with the reason), keyed by alert id, compacted. */
    public static final String ALERT_DELIVERIES = "stancewire.alerts.deliveries";

    /** The speaker registry ({@code SpeakerEntry}), keyed by speaker id, compacted: curated entries and learned ones. */
    public static final String SPEAKERS = "stancewire.speakers";

    /** Topics whose latest value per key is all that matters. */
    public static final List<String> COMPACTED = List.of(PRODUCER_SEEN, STANCE_TRENDS, SUBSCRIPTIONS, ALERT_DELIVERIES,
            SPEAKERS, PRODUCER_FEEDS);

    public static final List<String> ALL = List.of(ARTICLES_RAW, ARTICLES_ENRICHED, QUOTES, DEAD_LETTER, PRODUCER_SEEN,
            STANCE_TRENDS, STANCE_SHIFTS, SUBSCRIPTIONS, ALERTS, ALERT_DELIVERIES, SPEAKERS, PRODUCER_FEEDS);
}
