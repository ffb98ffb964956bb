package io.stancewire.streams;

import io.stancewire.model.DeadLetter;
import io.stancewire.model.EnrichedArticle;
import io.stancewire.model.SpeakerEntry;

import java.util.List;

/**
 * What became of one raw record: usually an enriched article; sometimes also (or only) dead letters saying what
 * went wrong. An article whose analysis failed is still passed on, flagged, so that it is indexed and not lost.
 */
public record EnrichOutcome(EnrichedArticle article, List<DeadLetter> deadLetters, List<SpeakerEntry> newSpeakers) {
    public EnrichOutcome {
        deadLetters = List.copyOf(deadLetters);
        newSpeakers = newSpeakers == null ? List.of() : List.copyOf(newSpeakers);
    }

    public EnrichOutcome(EnrichedArticle article, List<DeadLetter> deadLetters) {
        this(article, deadLetters, List.of());
    }

    static EnrichOutcome ok(EnrichedArticle article) {
        return new EnrichOutcome(article, List.of());
    }

    static EnrichOutcome ok(ArticleEnricher.Enrichment enrichment) {
        return new EnrichOutcome(enrichment.article(), List.of(), enrichment.newSpeakers());
    }

    static EnrichOutcome rejected(DeadLetter letter) {
        return new EnrichOutcome(null, List.of(letter));
    }

    List<EnrichedArticle> articles() {
        return article == null ? List.of() : List.of(article);
    }
}
