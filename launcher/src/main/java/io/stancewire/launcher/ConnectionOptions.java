package io.stancewire.launcher;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where Kafka and Elasticsearch are, or where to run local ones. Shared by every command that needs them. */
final class ConnectionOptions {
    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Bootstrap servers of an existing Kafka cluster. Without it, a local broker is started. Env: STANCEWIRE_KAFKA.")
    String kafka;

    @Option(names = "--elasticsearch", paramLabel = "URL",
            description = "URL of an existing Elasticsearch cluster. Without it, a local node is started. Env: STANCEWIRE_ELASTICSEARCH.")
    String elasticsearch;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".stancewire",
            description = "Where the local broker, node and stream state keep their data (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_DATA_DIR.")
    Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of the local Kafka broker (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_KAFKA_PORT.")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", paramLabel = "PORT", defaultValue = "9093",
            description = "KRaft controller port of the local broker (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_KAFKA_CONTROLLER_PORT.")
    int kafkaControllerPort;

    @Option(names = "--elasticsearch-port", paramLabel = "PORT", defaultValue = "9200",
            description = "HTTP port of the local Elasticsearch node (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_ELASTICSEARCH_PORT.")
    int elasticsearchPort;

    @Option(names = "--elasticsearch-transport-port", paramLabel = "PORT", defaultValue = "9300",
            description = "Transport port of the local node (default: ${DEFAULT-VALUE}). Env: STANCEWIRE_ELASTICSEARCH_TRANSPORT_PORT.")
    int elasticsearchTransportPort;

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
