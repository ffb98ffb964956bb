package io.stancewire.producer;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, reduced to what the producer uses.
 *
 * @param link        the entry's link, resolved against the feed's URL; null when the entry has none
 * @param guid        RSS guid or Atom id, as written
 * @param contentHtml the fullest content the entry carries (content:encoded, atom:content, else the description)
 */
public record FeedItem(String link, String guid, String title, List<String> authors, Instant publishedAt,
                       String contentHtml) {
    public FeedItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
