package io.stancewire.model;

import java.time.Instant;
import java.util.List;

/**
 * A quote with its speaker and provenance, one record per quote on {@link Topics#QUOTES}.
 *
 * @param id      deterministic ({@link Ids#quoteId(String, int, int)}), so re-processing overwrites
 * @param begin   start of the quoted content in the article text (UTF-16 offset)
 * @param kind    direct, indirect or partial
 * @param cue     the speech verb or phrase that attributes it ("said", "نے کہا")
 * @param context the sentence(s) around the quote as printed
 */
public record Quote(
        int schemaVersion,
        String id,
        String articleId,
        int begin,
        int end,
        String text,
        String kind,
        Speaker speaker,
        String cue,
        String context,
        String language,
        List<Stance> stances,
        String url,
        String title,
        String outlet,
        Instant publishedAt) {

    public Quote {
        stances = stances == null ? List.of() : List.copyOf(stances);
    }
}
