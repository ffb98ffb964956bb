package io.stancewire.indexer;

import io.stancewire.model.Quote;
import io.stancewire.model.Speaker;
import io.stancewire.model.Stance;

import java.time.Instant;
import java.util.List;

/**
 * What a quote looks like in Elasticsearch. {@code stances} keeps every target (nested, for researchers);
 * {@code stance} repeats the first target flat, because Kibana visualisations cannot aggregate nested fields.
 */
public record QuoteDocument(
        int schemaVersion,
        String id,
        String articleId,
        int begin,
        int end,
        String text,
        String kind,
        String cue,
        String context,
        String language,
        Speaker speaker,
        List<Stance> stances,
        Stance stance,
        String url,
        String title,
        String outlet,
        Instant publishedAt,
        Instant indexedAt) {

    public static QuoteDocument of(Quote q, Instant indexedAt) {
        Stance primary = q.stances().isEmpty() ? null : q.stances().getFirst();
        return new QuoteDocument(q.schemaVersion(), q.id(), q.articleId(), q.begin(), q.end(), q.text(), q.kind(), q.cue(),
                q.context(), q.language(), q.speaker(), q.stances(), primary, q.url(), q.title(), q.outlet(),
                q.publishedAt(), indexedAt);
    }
}
