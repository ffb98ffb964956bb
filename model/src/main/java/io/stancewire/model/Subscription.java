package io.stancewire.model;

import java.time.Instant;

/**
 * A standing question: "tell me when a quote (or a stance shift) like this arrives". One record per subscription on
 * the compacted {@link Topics#SUBSCRIPTIONS}, keyed by {@link #id()}; a tombstone or {@code deleted=true} removes it.
 * Every filter that is null or blank matches anything.
 *
 * @param kind          {@link #QUOTE}, {@link #SHIFT} or {@link #SPIKE}
 * @param speaker       speaker name or registry id, compared case-insensitively
 * @param organization  the speaker's affiliation, e.g. "DGA Group"
 * @param stance        stance label (FAVOR, AGAINST, NEUTRAL, NONE); for shifts, the side shifted to
 * @param target        stance target, e.g. "china-ai-competitiveness"
 * @param minConfidence the stance's confidence must reach this (0 when null)
 * @param language      ISO 639-1 code of the quote
 * @param query         Lucene classic query syntax over the quote's text and context ("Blackwell AND export")
 * @param webhookUrl    where the notifier POSTs alerts; null when only {@code kafkaTopic} is used
 * @param kafkaTopic    optional extra topic the owner reads alerts from
 * @param spike         for {@link #SPIKE}: how far above its trailing average a day's count must be (defaults when null)
 */
public record Subscription(
        int schemaVersion,
        String id,
        String owner,
        String name,
        String kind,
        String speaker,
        String organization,
        String stance,
        String target,
        Double minConfidence,
        String language,
        String query,
        String webhookUrl,
        String kafkaTopic,
        Instant createdAt,
        boolean deleted,
        SpikeRule spike) {

    public static final String QUOTE = "quote";
    public static final String SHIFT = "shift";
    public static final String SPIKE = "spike";

    public Subscription {
        kind = kind == null || kind.isBlank() ? QUOTE : kind.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A quote or shift subscription, which has no spike rule. */
    public Subscription(int schemaVersion, String id, String owner, String name, String kind, String speaker,
                        String organization, String stance, String target, Double minConfidence, String language,
                        String query, String webhookUrl, String kafkaTopic, Instant createdAt, boolean deleted) {
        this(schemaVersion, id, owner, name, kind, speaker, organization, stance, target, minConfidence, language, query,
                webhookUrl, kafkaTopic, createdAt, deleted, null);
    }

    public Subscription asDeleted() {
        return new Subscription(schemaVersion, id, owner, name, kind, speaker, organization, stance, target, minConfidence,
                language, query, webhookUrl, kafkaTopic, createdAt, true, spike);
    }

    /** The spike rule with its defaults filled in. */
    public SpikeRule spikeRule() {
        return spike == null ? SpikeRule.DEFAULTS : spike;
    }
}
