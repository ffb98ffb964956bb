package io.stancewire.model;

import java.time.Instant;
import java.util.List;

/** An article after the NLP stage: the article itself plus what was found in it. */
public record EnrichedArticle(
        int schemaVersion,
        Article article,
        String language,
        double languageConfidence,
        List<Entity> entities,
        List<Quote> quotes,
        Instant processedAt) {

    public EnrichedArticle {
        entities = entities == null ? List.of() : List.copyOf(entities);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }
}
