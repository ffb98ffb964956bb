package io.stancewire.model;

/** Elasticsearch index (alias) names. Stages write through these aliases so indices can roll over. */
public final class Indices {
    private Indices() {}

    public static final String ARTICLES = "stancewire-articles";
    public static final String QUOTES = "stancewire-quotes";
    public static final String DEAD_LETTERS = "stancewire-deadletters";
    public static final String TRENDS = "stancewire-trends";
    public static final String SHIFTS = "stancewire-shifts";
    /** Alert history: alerts and their delivery outcomes (from {@link Topics#ALERTS} and {@link Topics#ALERT_DELIVERIES}). */
    public static final String ALERTS = "stancewire-alerts";
    /** The speaker registry (entity registry): one document per speaker id. */
    public static final String SPEAKERS = "stancewire-speakers";
}
