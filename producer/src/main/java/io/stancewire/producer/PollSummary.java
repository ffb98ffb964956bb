package io.stancewire.producer;

/**
 * What one poll did.
 *
 * @param itemsSeen          feed entries looked at
 * @param published          articles written to Kafka
 * @param duplicatesSkipped  entries whose article was already published (now or before a restart)
 * @param deadLetters        dead letters written (bad feeds, unreadable pages)
 * @param feedsNotModified   feeds that answered 304 Not Modified
 * @param deferred           new entries left for the next poll because their page failed in a way that may pass
 *                           (timeout, 429/503, host backing off)
 */
public record PollSummary(int feedsOk, int feedsFailed, int feedsNotModified, int itemsSeen, int published,
                          int duplicatesSkipped, int deadLetters, int deferred) {

    public static final PollSummary EMPTY = new PollSummary(0, 0, 0, 0, 0, 0, 0, 0);

    public PollSummary plus(PollSummary o) {
        return new PollSummary(feedsOk + o.feedsOk, feedsFailed + o.feedsFailed, feedsNotModified + o.feedsNotModified,
                itemsSeen + o.itemsSeen, published + o.published, duplicatesSkipped + o.duplicatesSkipped,
                deadLetters + o.deadLetters, deferred + o.deferred);
    }
}
