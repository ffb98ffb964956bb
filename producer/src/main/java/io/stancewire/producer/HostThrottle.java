package io.stancewire.producer;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness: one request at a time per host, at most one started every {@code delay}, and none before a host's
 * Retry-After has passed. Requests to different hosts do not wait for each other.
 */
final class HostThrottle {
    private static final long MAX_WAIT_NANOS = Duration.ofSeconds(30).toNanos();
    private final long delayNanos;
    private final ConcurrentHashMap<String, Long> nextAllowed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Semaphore> inUse = new ConcurrentHashMap<>();

    /** The right to make one request to a host; closing it lets the next one go. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    HostThrottle(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    /** Waits until this thread may send a request to {@code host}; hold the permit until the response is read. */
    Permit acquire(String host) throws FetchException {
        if (host == null) {
            return () -> { };
        }
        Semaphore one = inUse.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Semaphore(1, true));
        try {
            one.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", "interrupted while waiting to fetch from " + host, e);
        }
        try {
            awaitTurn(host);
        } catch (FetchException | RuntimeException e) {
            one.release();
            throw e;
        }
        return one::release;
    }

    private void awaitTurn(String host) throws FetchException {
        String key = host.toLowerCase(Locale.ROOT);
        long now = System.nanoTime();
        Long blockedUntil = nextAllowed.get(key);
        if (blockedUntil != null && blockedUntil - now > MAX_WAIT_NANOS) {
            // A long Retry-After: give up on this host for now instead of stalling every other feed behind it.
            throw new FetchException("host-backoff", host + " asked us to wait another "
                    + Duration.ofNanos(blockedUntil - now).toSeconds() + "s");
        }
        // Reserve the slot atomically, then sleep outside the map so other hosts are not blocked.
        long[] slot = new long[1];
        nextAllowed.compute(key, (k, next) -> {
            long start = next == null ? now : Math.max(now, next);
            slot[0] = start;
            return start + delayNanos;
        });
        long wait = slot[0] - now;
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted", "interrupted while waiting to fetch from " + host, e);
            }
        }
    }

    /** The server asked us to wait (429/503 Retry-After): no request to it before then. */
    void backOff(String host, Duration wait) {
        if (host == null) {
            return;
        }
        long until = System.nanoTime() + wait.toNanos();
        nextAllowed.merge(host.toLowerCase(Locale.ROOT), until, Math::max);
    }
}
