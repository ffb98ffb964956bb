package io.stancewire.indexer;

import java.time.Duration;

/**
 * @param groupId        consumer group; offsets are committed only after the documents are in Elasticsearch
 * @param maxPollRecords how many records one bulk request carries at most
 * @param maxBackoff     ceiling of the wait between retries while Elasticsearch is unavailable
 * @param index          the indices' settings, among them the refresh interval to return to after a backlog
 * @param backlog        how the indices refresh while the indexer is far behind
 */
public record IndexerSettings(String bootstrapServers, String elasticsearchUrl, String groupId, int maxPollRecords,
                              Duration maxBackoff, IndexSettings index, BacklogRefresh.Policy backlog) {

    public static final String DEFAULT_GROUP_ID = "stancewire-indexer";
    /** Bulks of 1,000 quotes (≈1.2 MB) indexed faster than 500 or 2,000 on the local node (docs/benchmarks.md). */
    public static final int DEFAULT_BULK_SIZE = 1000;

    public static IndexerSettings defaults(String bootstrapServers, String elasticsearchUrl) {
        return new IndexerSettings(bootstrapServers, elasticsearchUrl, DEFAULT_GROUP_ID, DEFAULT_BULK_SIZE, Duration.ofSeconds(30),
                IndexSettings.local(), BacklogRefresh.Policy.DEFAULT);
    }

    public IndexerSettings withMaxPollRecords(int maxPollRecords) {
        return new IndexerSettings(bootstrapServers, elasticsearchUrl, groupId, maxPollRecords, maxBackoff, index, backlog);
    }

    public IndexerSettings withIndex(IndexSettings index) {
        return new IndexerSettings(bootstrapServers, elasticsearchUrl, groupId, maxPollRecords, maxBackoff, index, backlog);
    }

    public IndexerSettings withBacklog(BacklogRefresh.Policy backlog) {
        return new IndexerSettings(bootstrapServers, elasticsearchUrl, groupId, maxPollRecords, maxBackoff, index, backlog);
    }
}
