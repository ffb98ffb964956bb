package io.stancewire.model;

import java.time.Instant;
import java.util.List;

/**
 * An article as the producer publishes it: one per canonical URL, keyed by {@link #id()}.
 *
 * @param id          stable id derived from the canonical URL ({@link Ids#articleId(String)})
 * @param text        clean main text; may be empty, in which case {@code flags} says why
 * @param languageHint the feed's declared language, if any (the streams stage detects the real one)
 * @param duplicateOf id of an earlier article with the same story, when the producer recognised a syndicated copy
 */
public record Article(
        int schemaVersion,
        String id,
        String url,
        String canonicalUrl,
        String guid,
        String feedUrl,
        String feedName,
        String outlet,
        String title,
        List<String> authors,
        Instant publishedAt,
        Instant fetchedAt,
        String languageHint,
        String text,
        String duplicateOf,
        List<String> flags) {

    public Article {
        authors = authors == null ? List.of() : List.copyOf(authors);
        flags = flags == null ? List.of() : List.copyOf(flags);
        text = text == null ? "" : text;
    }
}
