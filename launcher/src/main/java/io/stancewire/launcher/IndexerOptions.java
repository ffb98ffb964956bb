package io.stancewire.launcher;

import io.stancewire.indexer.BacklogRefresh;
import io.stancewire.indexer.IndexSettings;
import io.stancewire.indexer.IndexerSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** How the indexer stage writes to Elasticsearch. */
final class IndexerOptions {
    @Option(names = "--indexer-threads", paramLabel = "N", defaultValue = "2", converter = AtLeastOne.class,
            description = "Indexer consumers, each with one bulk request in flight; more than the topics' partitions "
                    + "leaves some idle (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_INDEXER_THREADS.")
    int threads;

    @Option(names = "--bulk-size", paramLabel = "N", defaultValue = "" + IndexerSettings.DEFAULT_BULK_SIZE, converter = AtLeastOne.class,
            description = "Most documents in one bulk request (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_BULK_SIZE.")
    int bulkSize;

    @Option(names = "--backlog-refresh-interval", paramLabel = "TIME", defaultValue = "30s",
            converter = ConnectionOptions.RefreshIntervalConverter.class,
            description = "Refresh interval of the indices while the indexer is at least --backlog-threshold records "
                    + "behind; the usual one comes back once it has caught up (default: ${DEFAULT-VALUE}). "
                    + "Env: STANCEWIRE_BACKLOG_REFRESH_INTERVAL.")
    String backlogRefreshInterval;

    @Option(names = "--backlog-threshold", paramLabel = "N", defaultValue = "50000", converter = NotNegative.class,
            description = "Records behind from which the indexer counts as working off a backlog; 0 never "
                    + "(default: ${DEFAULT-VALUE}). Env: STANCEWIRE_BACKLOG_THRESHOLD.")
    int backlogThreshold;

    /** @param index the indices' settings, whose refresh interval comes back after a backlog */
    IndexerSettings settings(String bootstrapServers, String elasticsearchUrl, IndexSettings index) {
        return IndexerSettings.defaults(bootstrapServers, elasticsearchUrl).withMaxPollRecords(bulkSize).withIndex(index)
                .withBacklog(new BacklogRefresh.Policy(backlogRefreshInterval, backlogThreshold));
    }

    /** Refuses a count below its minimum while parsing, before anything starts. */
    abstract static class AtLeast implements ITypeConverter<Integer> {
        private final int minimum;

        AtLeast(int minimum) {
            this.minimum = minimum;
        }

        @Override
        public Integer convert(String value) {
            int n = Integer.parseInt(value.strip());
            if (n < minimum) {
                throw new IllegalArgumentException("must be at least " + minimum + ", not " + n);
            }
            return n;
        }
    }

    static final class AtLeastOne extends AtLeast {
        AtLeastOne() {
            super(1);
        }
    }

    static final class NotNegative extends AtLeast {
        NotNegative() {
            super(0);
        }
    }
}
