package io.stancewire.producer;

import java.time.Instant;

/**
 * A feed's health as the producer sees it; {@link FeedProducer#statuses()} gives one per configured feed.
 *
 * @param disabledReason non-null once the feed failed {@code maxConsecutiveFailures} polls in a row; it is then
 *                       no longer polled until the producer restarts
 */
public record FeedStatus(String url, String name, Instant lastSuccess, Instant lastAttempt, String lastError,
                         int consecutiveFailures, String disabledReason, String etag, String lastModified,
                         Instant nextPoll) {}
