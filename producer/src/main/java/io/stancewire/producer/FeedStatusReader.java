package io.stancewire.producer;

import io.stancewire.model.Json;
import io.stancewire.model.TopicReader;
import io.stancewire.model.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code Topics.PRODUCER_FEEDS} to its end and keeps the latest status per feed URL: what
 * {@code stancewire feeds status} shows. No consumer group: it commits nothing and leaves no trace.
 */
public final class FeedStatusReader {
    private FeedStatusReader() {}

    /** The latest status of every feed a producer has reported, sorted by feed name then URL. */
    public static List<FeedStatus> latest(String bootstrapServers, Duration timeout) {
        List<FeedStatus> out = new ArrayList<>(latestByUrl(bootstrapServers, timeout).values());
        out.sort(Comparator.comparing((FeedStatus s) -> String.valueOf(s.name())).thenComparing(FeedStatus::url));
        return out;
    }

    /** The latest status per feed URL, as a restarted producer continues from. */
    public static Map<String, FeedStatus> latestByUrl(String bootstrapServers, Duration timeout) {
        Map<String, FeedStatus> latest = new LinkedHashMap<>();
        TopicReader.readAll(bootstrapServers, Topics.PRODUCER_FEEDS, timeout, r -> {
            if (r.key() == null) {
                return;
            }
            if (r.value() == null) {
                latest.remove(r.key()); // a tombstone: the feed was forgotten
            } else {
                readStatus(r.value()).ifPresent(s -> latest.put(r.key(), s));
            }
        });
        return latest;
    }

    private static java.util.Optional<FeedStatus> readStatus(byte[] value) {
        try {
            return java.util.Optional.of(Json.read(value, FeedStatus.class));
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // written by a newer or broken producer: not ours to show
        }
    }
}
