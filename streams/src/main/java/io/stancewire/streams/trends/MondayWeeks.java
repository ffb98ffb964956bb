package io.stancewire.streams.trends;

import org.apache.kafka.streams.kstream.Windows;
import org.apache.kafka.streams.kstream.internals.TimeWindow;

import java.time.Duration;
import java.util.Map;

/**
 * Tumbling weeks from Monday 00:00 UTC, the week of ISO 8601 and of most dashboards. Kafka's {@code TimeWindows}
 * align to the epoch, a Thursday, which would cut every "week" in the middle.
 */
final class MondayWeeks extends Windows<TimeWindow> {
    static final Duration SIZE = Duration.ofDays(7);
    private static final long SIZE_MS = SIZE.toMillis();
    /** 1970-01-05T00:00Z, the first Monday after the epoch. */
    private static final long FIRST_MONDAY_MS = Duration.ofDays(4).toMillis();

    private final long graceMs;

    MondayWeeks(Duration grace) {
        this.graceMs = grace.toMillis();
    }

    static long startOf(long timestampMs) {
        return Math.floorDiv(timestampMs - FIRST_MONDAY_MS, SIZE_MS) * SIZE_MS + FIRST_MONDAY_MS;
    }

    @Override
    public Map<Long, TimeWindow> windowsFor(long timestampMs) {
        long start = startOf(timestampMs);
        return Map.of(start, new TimeWindow(start, start + SIZE_MS));
    }

    @Override
    public long size() {
        return SIZE_MS;
    }

    @Override
    public long gracePeriodMs() {
        return graceMs;
    }
}
