package io.stancewire.producer;

import java.time.Duration;
import java.time.Instant;

/** Mutable per-feed bookkeeping, only touched by the thread polling the feed (one at a time per feed). */
final class FeedState {
    final FeedConfig feed;
    private Instant lastSuccess;
    private Instant lastAttempt;
    private String lastError;
    private int consecutiveFailures;
    private String disabledReason;
    private String etag;
    private String lastModified;
    private Instant nextPoll = Instant.EPOCH;
    private long itemsSeen;

    FeedState(FeedConfig feed) {
        this.feed = feed;
    }

    HttpFetcher.Validators validators() {
        return new HttpFetcher.Validators(etag, lastModified);
    }

    void countItems(int items) {
        itemsSeen += items;
    }

    void forgetValidators() {
        etag = null;
        lastModified = null;
    }

    boolean disabled() {
        return disabledReason != null;
    }

    boolean due(Instant now) {
        return !disabled() && !now.isBefore(nextPoll);
    }

    Instant nextPoll() {
        return nextPoll;
    }

    void succeeded(Instant now, Duration interval, String newEtag, String newLastModified) {
        lastAttempt = now;
        lastSuccess = now;
        lastError = null;
        consecutiveFailures = 0;
        if (newEtag != null) {
            etag = newEtag;
        }
        if (newLastModified != null) {
            lastModified = newLastModified;
        }
        nextPoll = now.plus(interval);
    }

    /**
     * Records a failure and schedules the next try with exponential backoff (interval x 2^(failures-1), at most a
     * day), or later if the server said so. Returns true when this failure disabled the feed.
     */
    boolean failed(Instant now, Duration interval, String error, Duration retryAfter, int maxFailures) {
        lastAttempt = now;
        lastError = error;
        consecutiveFailures++;
        long factor = 1L << Math.min(consecutiveFailures - 1, 10);
        Duration backoff = interval.multipliedBy(factor);
        if (backoff.compareTo(Duration.ofDays(1)) > 0) {
            backoff = Duration.ofDays(1);
        }
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            backoff = retryAfter;
        }
        nextPoll = now.plus(backoff);
        if (consecutiveFailures >= maxFailures) {
            disabledReason = "disabled after " + consecutiveFailures + " consecutive failures; last: " + error;
            return true;
        }
        return false;
    }

    FeedStatus status() {
        return new FeedStatus(feed.url(), feed.displayName(), lastSuccess, lastAttempt, lastError, consecutiveFailures,
                disabledReason, etag, lastModified, disabled() ? null : nextPoll, itemsSeen, feed.fingerprint());
    }

    /**
     * Continues from a status a previous producer saved for this same entry: failures, backoff and validators, and
     * the disabled state while the failures still reach {@code maxFailures} (a raised limit re-enables the feed).
     * Items seen count from this start.
     *
     * @return false (and nothing changed) when the status belongs to another feed or another version of this entry
     */
    boolean restore(FeedStatus saved, int maxFailures) {
        if (!feed.url().equals(saved.url()) || !feed.fingerprint().equals(saved.config())) {
            return false;
        }
        lastSuccess = saved.lastSuccess();
        lastAttempt = saved.lastAttempt();
        lastError = saved.lastError();
        consecutiveFailures = Math.max(0, saved.consecutiveFailures());
        etag = saved.etag();
        lastModified = saved.lastModified();
        boolean stillDisabled = saved.disabledReason() != null && consecutiveFailures >= maxFailures;
        disabledReason = stillDisabled ? saved.disabledReason() : null;
        nextPoll = saved.nextPoll() == null ? Instant.EPOCH : saved.nextPoll();
        return true;
    }
}
