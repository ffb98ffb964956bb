package io.stancewire.producer;

import java.util.List;

/**
 * A parsed feed.
 *
 * @param feedType Rome's name of the format, e.g. {@code rss_2.0}, {@code atom_1.0}, {@code rss_1.0}
 * @param repairs  what had to be fixed for it to parse (empty for a well-formed feed), e.g. {@code stripped-doctype}
 */
public record ParsedFeed(String feedType, String title, String link, String language, List<FeedItem> items,
                         List<String> repairs) {
    public ParsedFeed {
        items = List.copyOf(items);
        repairs = List.copyOf(repairs);
    }
}
