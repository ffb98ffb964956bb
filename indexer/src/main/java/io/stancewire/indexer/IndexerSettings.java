package io.stancewire.indexer;

import java.time.Duration;

/**
 * @param groupId        consumer group; offsets are committed only after the documents are in Elasticsearch
 * @param maxPollRecords how many records one bulk request carries at most
 * @param maxBackoff     ceiling of the wait between retries while Elasticsearch is unavailable
 */
public record IndexerSettings(String bootstrapServers, String elasticsearchUrl, String groupId, int maxPollRecords,
                              Duration maxBackoff, IndexSettings index) {

    public static final String DEFAULT_GROUP_ID = "stancewire-indexer";

    public static IndexerSettings defaults(String bootstrapServers, String elasticsearchUrl) {
        return new IndexerSettings(bootstrapServers, elasticsearchUrl, DEFAULT_GROUP_ID, 500, Duration.ofSeconds(30),
                IndexSettings.local());
    }

    public IndexerSettings withMaxPollRecords(int maxPollRecords) {
        return new IndexerSettings(bootstrapServers, elasticsearchUrl, groupId, maxPollRecords, maxBackoff, index);
    }
}
