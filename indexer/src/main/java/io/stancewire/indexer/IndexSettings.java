package io.stancewire.indexer;

import java.util.regex.Pattern;

/**
 * Index-level settings that differ between a laptop and a cluster.
 *
 * @param replicas        0 on the single local node, 1+ on a real cluster
 * @param codec           {@code best_compression} (zstd) or {@code default}
 * @param refreshInterval how soon an indexed document becomes searchable ({@code 5s}, {@code 500ms}, {@code -1} for
 *                        never): each refresh writes a segment and rebuilds the facet fields' global ordinals, so at
 *                        bulk rates a short interval costs the node more CPU than indexing itself
 */
public record IndexSettings(int replicas, String codec, String refreshInterval) {
    public static final String DEFAULT_REFRESH_INTERVAL = "5s";
    private static final Pattern TIME_VALUE = Pattern.compile("-1|\\d+(nanos|micros|ms|s|m|h|d)");

    public IndexSettings {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 or more, not " + replicas);
        }
        requireRefreshInterval(refreshInterval);
    }

    /** @throws IllegalArgumentException when {@code value} is not a refresh interval Elasticsearch accepts */
    public static String requireRefreshInterval(String value) {
        if (value == null || !TIME_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("refresh interval '" + value
                    + "' is not an Elasticsearch time value such as 1s, 500ms, 30s or -1");
        }
        return value;
    }

    public static IndexSettings local() {
        return new IndexSettings(0, "best_compression", DEFAULT_REFRESH_INTERVAL);
    }

    public IndexSettings withReplicas(int replicas) {
        return new IndexSettings(replicas, codec, refreshInterval);
    }

    public IndexSettings withRefreshInterval(String refreshInterval) {
        return new IndexSettings(replicas, codec, refreshInterval);
    }
}
