package io.stancewire.producer;

import java.time.Instant;

/**
 * The value of a record on {@code Topics.PRODUCER_SEEN}: this id was published (or, for an alias, its article was).
 *
 * @param aliasOf set when the key is not an article id but the id of the link a feed gave for it, which differs
 *                from the article's own canonical URL; remembering it spares fetching the page again on every poll
 * @param simhash the article text's SimHash ({@link NearDuplicates}), so near-duplicate detection survives restarts
 */
public record SeenMarker(String id, String canonicalUrl, String feedUrl, Instant firstSeen, String aliasOf, Long simhash) {}
