package io.stancewire.producer;

import java.time.Instant;

/**
 * A feed's health as the producer sees it; {@link FeedProducer#statuses()} gives one per configured feed, and the
 * producer publishes it to {@code Topics.PRODUCER_FEEDS} (keyed by feed URL) after each poll for
 * {@code stancewire feeds status}.
 *
 * @param itemsSeen      feed entries read since the producer started (new or already known)
 * <p>A restarted producer reads these back ({@link FeedStatusReader#latestByUrl}) and continues each feed where it
 * stood: failures, backoff, validators and the disabled state, unless the feed's entry changed ({@code config}).
 *
 * @param disabledReason non-null once the feed failed {@code maxConsecutiveFailures} polls in a row; it is then
 *                       no longer polled, across restarts, until its entry in the feeds file changes (or the limit
 *                       is raised above its failures)
 * @param config         {@link FeedConfig#fingerprint()} of the entry the status belongs to; null in statuses
 *                       written before it existed, which are not restored
 */
public record FeedStatus(String url, String name, Instant lastSuccess, Instant lastAttempt, String lastError,
                         int consecutiveFailures, String disabledReason, String etag, String lastModified,
                         Instant nextPoll, long itemsSeen, String config) {}
