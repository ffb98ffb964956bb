package io.stancewire.producer;

import java.time.Instant;

/**
 * A feed's health as the producer sees it; {@link FeedProducer#statuses()} gives one per configured feed, and the
 * producer publishes it to {@code Topics.PRODUCER_FEEDS} (keyed by feed URL) after each poll for
 * {@code stancewire feeds status}.
 *
 * @param itemsSeen      feed entries read since the producer started (new or already known)
 * @param disabledReason non-null once the feed failed {@code maxConsecutiveFailures} polls in a row; it is then
 *                       no longer polled until the producer restarts
 */
public record FeedStatus(String url, String name, Instant lastSuccess, Instant lastAttempt, String lastError,
                         int consecutiveFailures, String disabledReason, String etag, String lastModified,
                         Instant nextPoll, long itemsSeen) {}
