package io.stancewire.launcher;

import io.stancewire.indexer.IndexSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where Kafka and Elasticsearch are, or where to run local ones. Shared by every command that needs them. */
final class ConnectionOptions {
    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Bootstrap servers of an existing Kafka cluster. Without it, a local broker is started. Env: STANCEWIRE_KAFKA.")
    String kafka;

    @Option(names = "--elasticsearch", paramLabel = "URL",
            description = "URL of an existing Elasticsearch cluster. Without it, a local node is started. Env: STANCEWIRE_ELASTICSEARCH.")
    String elasticsearch;

    @Mixin
    LocalServerOptions local = new LocalServerOptions();

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "-1",
            description = "Replicas per index: 0 on a local node; default 0 locally and 1 on an existing cluster. Env: STANCEWIRE_REPLICAS.")
    int replicas;

    @Option(names = "--refresh-interval", paramLabel = "TIME", defaultValue = IndexSettings.DEFAULT_REFRESH_INTERVAL,
            converter = RefreshIntervalConverter.class,
            description = "How soon indexed quotes become searchable (Elasticsearch time value: 1s, 5s, 30s; -1 never). "
                    + "Shorter is fresher dashboards and more node CPU per document (default: ${DEFAULT-VALUE}). "
                    + "Env: STANCEWIRE_REFRESH_INTERVAL.")
    String refreshInterval;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of topics this command creates (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_PARTITIONS.")
    int partitions;

    private int replicasFor(boolean localNode) {
        return replicas >= 0 ? replicas : (localNode ? 0 : 1);
    }

    IndexSettings indexSettings(boolean localNode) {
        return IndexSettings.local().withReplicas(replicasFor(localNode)).withRefreshInterval(refreshInterval);
    }

    /** Refuses a bad value while parsing, not after the local broker and node have started. */
    static final class RefreshIntervalConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return IndexSettings.requireRefreshInterval(value);
        }
    }
}
