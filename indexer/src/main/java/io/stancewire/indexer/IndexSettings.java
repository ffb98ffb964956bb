package io.stancewire.indexer;

/**
 * Index-level settings that differ between a laptop and a cluster.
 *
 * @param replicas 0 on the single local node, 1+ on a real cluster
 * @param codec    {@code best_compression} (zstd) or {@code default}
 */
public record IndexSettings(int replicas, String codec) {
    public static IndexSettings local() {
        return new IndexSettings(0, "best_compression");
    }
}
