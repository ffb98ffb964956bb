package io.stancewire.launcher;

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

    IndexerSettings settings(String bootstrapServers, String elasticsearchUrl) {
        return IndexerSettings.defaults(bootstrapServers, elasticsearchUrl).withMaxPollRecords(bulkSize);
    }

    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = Integer.parseInt(value.strip());
            if (n < 1) {
                throw new IllegalArgumentException("must be at least 1, not " + n);
            }
            return n;
        }
    }
}
