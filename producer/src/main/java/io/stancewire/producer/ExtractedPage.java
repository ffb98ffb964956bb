package io.stancewire.producer;

import java.time.Instant;
import java.util.List;

/**
 * What {@link ArticleExtractor} found in a page.
 *
 * @param canonicalUrl the page's own {@code <link rel=canonical>} (or og:url), absolute, or null
 * @param text         main text, paragraphs separated by a blank line ("\n\n"), quote marks as printed
 * @param flags        e.g. {@code paywalled}, {@code empty}, {@code short-text}
 */
public record ExtractedPage(String canonicalUrl, String title, List<String> authors, Instant publishedAt,
                            String language, String text, List<String> flags) {
    public ExtractedPage {
        authors = authors == null ? List.of() : List.copyOf(authors);
        flags = flags == null ? List.of() : List.copyOf(flags);
        text = text == null ? "" : text;
    }
}
