package io.stancewire.launcher;

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

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of topics this command creates (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_PARTITIONS.")
    int partitions;

    int replicasFor(boolean localNode) {
        return replicas >= 0 ? replicas : (localNode ? 0 : 1);
    }
}
