package io.stancewire.streams.nlp;

import io.stancewire.model.Entity;

import java.util.List;

/**
 * What {@link ArticleAnalyzer} found in one text.
 *
 * @param language           ISO 639-1 code, or {@code und} when no language could be told
 * @param languageConfidence the detector's confidence in {@code language}, 0 when unknown
 */
public record Analysis(String language, double languageConfidence, List<Entity> entities, List<FoundQuote> quotes) {
    public static final String UNDETERMINED = "und";

    public Analysis {
        entities = entities == null ? List.of() : List.copyOf(entities);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }

    public static Analysis empty() {
        return new Analysis(UNDETERMINED, 0.0, List.of(), List.of());
    }
}
